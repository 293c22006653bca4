using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.SlotPools;

public sealed class AdminChangeTests
{
    [Fact]
    public async Task CreatingAPoolTwiceAnswersPoolExistsAndKeepsTheFirst()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = harness.Pools.GetSlotPool("p1");
        await pool.CreateAsync(PoolHarness.Morning("p1", quota: 30));

        var again = await pool.CreateAsync(PoolHarness.Morning("p1", quota: 99));

        Assert.Equal(30, Assert.IsType<CreatePoolOutcome.PoolExists>(again).Pool.Quota);
    }

    [Fact]
    public async Task RaisingTheQuotaLetsMorePatientsIn()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(quota: 1);
        await pool.ReserveAsync(new ReserveRequest("patient-1"));

        var changed = await pool.ChangeAsync(new PoolChangeRequest(Quota: 2));
        var second = await pool.ReserveAsync(new ReserveRequest("patient-2"));

        Assert.Equal(2, Assert.IsType<ChangePoolOutcome.Changed>(changed).Pool.Quota);
        Assert.Equal(2, Assert.IsType<ReserveOutcome.Reserved>(second).Reservation.SequenceNumber);
    }

    [Fact]
    public async Task TheQuotaCannotDropBelowTheHighestNumberHeld()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(quota: 5);
        var reservations = new List<Reservation>();
        for (var i = 1; i <= 3; i++)
            reservations.Add(((ReserveOutcome.Reserved)await pool.ReserveAsync(new ReserveRequest($"patient-{i}"))).Reservation);
        await pool.CancelAsync(reservations[0].ReservationId, CancellationReason.PatientRequest);

        var refused = await pool.ChangeAsync(new PoolChangeRequest(Quota: 2));
        var allowed = await pool.ChangeAsync(new PoolChangeRequest(Quota: 3));

        Assert.Equal(new ChangePoolOutcome.QuotaBelowBooked(MinimumQuota: 3, Booked: 2), refused);
        Assert.Equal(3, Assert.IsType<ChangePoolOutcome.Changed>(allowed).Pool.Quota);
    }

    [Fact]
    public async Task ARefusedChangeChangesNothingElseInTheSameRequest()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(quota: 5);
        await pool.ReserveAsync(new ReserveRequest("patient-1"));
        await pool.ReserveAsync(new ReserveRequest("patient-2"));

        await pool.ChangeAsync(new PoolChangeRequest(Quota: 1, ReleaseAt: PoolHarness.ReleaseAt.AddDays(1), Status: PoolStatus.Closed));

        var snapshot = (await pool.GetSnapshotAsync())!;
        Assert.Equal((5, PoolHarness.ReleaseAt, PoolStatus.Open), (snapshot.Quota, snapshot.Definition.ReleaseAt, snapshot.StoredStatus));
    }

    [Fact]
    public async Task MovingTheReleaseLaterMakesThePoolScheduledAgain()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        var later = harness.Clock.GetUtcNow().AddHours(1);

        await pool.ChangeAsync(new PoolChangeRequest(ReleaseAt: later));
        var outcome = await pool.ReserveAsync(new ReserveRequest("patient-1"));

        Assert.Equal(new ReserveOutcome.NotReleased(later), outcome);
        Assert.Equal(PoolStatus.Scheduled, (await pool.GetSnapshotAsync())!.StatusAt(harness.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task StoppingTheClinicCancelsEveryHeldNumberForTheDoctorsReason()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        await pool.ReserveAsync(new ReserveRequest("patient-1"));
        await pool.ReserveAsync(new ReserveRequest("patient-2"));
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.FromHours(8)));

        await pool.ChangeAsync(new PoolChangeRequest(Status: PoolStatus.Cancelled));
        var reopen = await pool.ChangeAsync(new PoolChangeRequest(Status: PoolStatus.Open));

        var reservations = (await pool.ListReservationsAsync())!;
        Assert.All(reservations, r => Assert.Equal((ReservationStatus.Cancelled, CancellationReason.DoctorUnavailable), (r.Status, r.CancellationReason!.Value)));
        Assert.Equal(2, reservations.Count);
        Assert.IsType<ChangePoolOutcome.PoolCancelled>(reopen);
        Assert.Equal((0, PoolStatus.Cancelled), ((await pool.GetSnapshotAsync())!.Booked, (await pool.GetSnapshotAsync())!.StoredStatus));
    }
}
