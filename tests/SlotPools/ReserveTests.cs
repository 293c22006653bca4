using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.SlotPools;

public sealed class ReserveTests
{
    [Fact]
    public async Task BeforeTheReleaseInstantTheAnswerIsNotReleasedWithTheInstant()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = harness.Pools.GetSlotPool("p1");
        await pool.CreateAsync(PoolHarness.Morning("p1"));

        var outcome = await pool.ReserveAsync(new ReserveRequest("patient-1"));

        Assert.Equal(new ReserveOutcome.NotReleased(PoolHarness.ReleaseAt), outcome);
        Assert.Equal(0, (await pool.GetSnapshotAsync())!.Booked);
    }

    [Fact]
    public async Task AtTheReleaseInstantTheFirstPatientGetsNumberOneAtTheSessionStart()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();

        var outcome = await pool.ReserveAsync(new ReserveRequest("patient-1"));

        var reserved = Assert.IsType<ReserveOutcome.Reserved>(outcome);
        Assert.False(reserved.Replayed);
        Assert.Equal(1, reserved.Reservation.SequenceNumber);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.FromHours(8)), reserved.Reservation.VisitTime);
        Assert.Equal(ReservationStatus.Booked, reserved.Reservation.Status);
        Assert.Equal(PoolHarness.ReleaseAt, reserved.Reservation.CreatedAt);
        Assert.Matches("^[0-9a-f]{32}$", reserved.Reservation.ReservationId);
    }

    [Fact]
    public async Task NumbersAreHandedOutInOrderWithVisitTimesSpacedByMinutesPerNumber()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();

        var third = (ReserveOutcome.Reserved)(await ReserveMany(pool, 3))[2];

        Assert.Equal(3, third.Reservation.SequenceNumber);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 20, 0, TimeSpan.FromHours(8)), third.Reservation.VisitTime);
    }

    [Fact]
    public async Task WhenTheQuotaIsTakenEveryoneElseGetsSoldOut()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(quota: 2);

        var outcomes = await ReserveMany(pool, 3);

        Assert.IsType<ReserveOutcome.Reserved>(outcomes[0]);
        Assert.IsType<ReserveOutcome.Reserved>(outcomes[1]);
        Assert.IsType<ReserveOutcome.SoldOut>(outcomes[2]);
        var snapshot = (await pool.GetSnapshotAsync())!;
        Assert.Equal((2, 0), (snapshot.Booked, snapshot.Remaining));
    }

    [Fact]
    public async Task APatientWhoHoldsANumberCannotTakeASecond()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        var first = (ReserveOutcome.Reserved)await pool.ReserveAsync(new ReserveRequest("patient-1"));

        var second = await pool.ReserveAsync(new ReserveRequest("patient-1"));

        Assert.Equal(new ReserveOutcome.AlreadyBooked(first.Reservation), second);
    }

    [Fact]
    public async Task TheSameIdempotencyKeyReturnsTheSameReservationEvenAfterItSoldOut()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(quota: 1);
        var first = (ReserveOutcome.Reserved)await pool.ReserveAsync(new ReserveRequest("patient-1", "key-1"));

        var retry = await pool.ReserveAsync(new ReserveRequest("patient-1", "key-1"));

        Assert.Equal(new ReserveOutcome.Reserved(first.Reservation, Replayed: true), retry);
        Assert.Equal(1, (await pool.GetSnapshotAsync())!.Booked);
    }

    [Fact]
    public async Task AnIdempotencyKeyUsedByAnotherPatientIsRefused()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        await pool.ReserveAsync(new ReserveRequest("patient-1", "shared-key"));

        var outcome = await pool.ReserveAsync(new ReserveRequest("patient-2", "shared-key"));

        Assert.IsType<ReserveOutcome.IdempotencyKeyReused>(outcome);
        Assert.Equal(1, (await pool.GetSnapshotAsync())!.Booked);
    }

    [Fact]
    public async Task AClosedPoolTakesNoReservationsUntilReopened()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        await pool.ChangeAsync(new PoolChangeRequest(Status: PoolStatus.Closed));

        var whileClosed = await pool.ReserveAsync(new ReserveRequest("patient-1"));
        await pool.ChangeAsync(new PoolChangeRequest(Status: PoolStatus.Open));
        var afterReopen = await pool.ReserveAsync(new ReserveRequest("patient-1"));

        Assert.Equal(new ReserveOutcome.PoolClosed(PoolStatus.Closed), whileClosed);
        Assert.IsType<ReserveOutcome.Reserved>(afterReopen);
    }

    [Fact]
    public async Task AnUnknownPoolIsNotFoundAndNothingIsStored()
    {
        await using var harness = await PoolHarness.StartAsync();

        var outcome = await harness.Pools.GetSlotPool("nobody").ReserveAsync(new ReserveRequest("patient-1"));

        Assert.IsType<ReserveOutcome.PoolNotFound>(outcome);
        Assert.Empty(harness.Storage.CommittedChanges("nobody"));
        Assert.Null(await harness.Pools.GetSlotPool("nobody").GetSnapshotAsync());
    }

    private static async Task<List<ReserveOutcome>> ReserveMany(ISlotPoolGrain pool, int patients)
    {
        var outcomes = new List<ReserveOutcome>();
        for (var i = 1; i <= patients; i++) outcomes.Add(await pool.ReserveAsync(new ReserveRequest($"patient-{i}")));
        return outcomes;
    }
}
