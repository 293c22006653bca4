using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.SlotPools;

public sealed class CancelTests
{
    [Fact]
    public async Task ACancelledNumberReturnsToThePoolAndIsGivenOutFirst()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(quota: 3);
        var first = await Reserve(pool, "patient-1");
        await Reserve(pool, "patient-2");
        await Reserve(pool, "patient-3");

        var cancelled = await pool.CancelAsync(first.ReservationId, CancellationReason.PatientRequest);
        var next = await Reserve(pool, "patient-4");

        var done = Assert.IsType<CancelOutcome.Cancelled>(cancelled).Reservation;
        Assert.Equal(ReservationStatus.Cancelled, done.Status);
        Assert.Equal(CancellationReason.PatientRequest, done.CancellationReason);
        Assert.Equal(harness.Clock.GetUtcNow(), done.CancelledAt);
        Assert.Equal(1, next.SequenceNumber);
        Assert.Equal(3, (await pool.GetSnapshotAsync())!.Booked);
    }

    [Fact]
    public async Task APatientWhoCancelledMayBookAgain()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        var first = await Reserve(pool, "patient-1");
        await pool.CancelAsync(first.ReservationId, CancellationReason.PatientRequest);

        var again = await pool.ReserveAsync(new ReserveRequest("patient-1"));

        Assert.IsType<ReserveOutcome.Reserved>(again);
    }

    [Fact]
    public async Task CancellingTwiceIsHarmless()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        var reservation = await Reserve(pool, "patient-1");
        var first = await pool.CancelAsync(reservation.ReservationId, CancellationReason.PatientRequest);

        var second = await pool.CancelAsync(reservation.ReservationId, CancellationReason.PatientRequest);

        Assert.Equal(first, second);
        Assert.Equal(0, (await pool.GetSnapshotAsync())!.Booked);
    }

    [Fact]
    public async Task APatientCannotCancelFromThreePmTheDayBefore()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        var reservation = await Reserve(pool, "patient-1");
        var deadline = new DateTimeOffset(2026, 12, 6, 15, 0, 0, TimeSpan.FromHours(8));
        harness.Clock.SetUtcNow(deadline);

        var outcome = await pool.CancelAsync(reservation.ReservationId, CancellationReason.PatientRequest);

        Assert.Equal(new CancelOutcome.CancellationClosed(deadline), outcome);
        Assert.Equal(1, (await pool.GetSnapshotAsync())!.Booked);
    }

    [Fact]
    public async Task OneMinuteBeforeTheDeadlineAPatientMayStillCancel()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        var reservation = await Reserve(pool, "patient-1");
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 14, 59, 0, TimeSpan.FromHours(8)));

        var outcome = await pool.CancelAsync(reservation.ReservationId, CancellationReason.PatientRequest);

        Assert.IsType<CancelOutcome.Cancelled>(outcome);
    }

    [Fact]
    public async Task AnUnknownReservationIsNotFound()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();

        var outcome = await pool.CancelAsync("0123456789abcdef0123456789abcdef", CancellationReason.PatientRequest);

        Assert.IsType<CancelOutcome.ReservationNotFound>(outcome);
    }

    private static async Task<Reservation> Reserve(ISlotPoolGrain pool, string patient) =>
        Assert.IsType<ReserveOutcome.Reserved>(await pool.ReserveAsync(new ReserveRequest(patient))).Reservation;
}
