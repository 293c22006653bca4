using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Tests.Hosting;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.SlotPools;

namespace OrleansBooking.Tests.DoctorsDay;

public sealed class StatusFlowTests
{
    [Fact]
    public async Task APatientGoesFromBookedThroughCheckInAndConsultationToCompleted()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreatePoolOnItsDayAsync();
        var reservation = await Reserve(pool, "patient-1");

        var checkedIn = await Move(pool, reservation, ReservationStatus.CheckedIn);
        var called = await Move(pool, reservation, ReservationStatus.InConsultation);
        var completed = await Move(pool, reservation, ReservationStatus.Completed);

        Assert.Equal(ReservationStatus.CheckedIn, checkedIn.Status);
        Assert.Equal(ReservationStatus.InConsultation, called.Status);
        Assert.Equal(ReservationStatus.Completed, completed.Status);
        Assert.Equal(ReservationStatus.Completed, (await pool.GetReservationAsync(reservation.ReservationId))!.Status);
        // A completed visit still holds its number: the patient was seen in this session.
        Assert.Equal(1, (await pool.GetSnapshotAsync())!.Booked);
    }

    [Theory]
    [InlineData(ReservationStatus.Booked)]
    [InlineData(ReservationStatus.CheckedIn)]
    public async Task ABookedOrCheckedInPatientCanBeANoShow(ReservationStatus before)
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreatePoolOnItsDayAsync();
        var reservation = await Reserve(pool, "patient-1");
        if (before == ReservationStatus.CheckedIn) await Move(pool, reservation, ReservationStatus.CheckedIn);

        var noShow = await Move(pool, reservation, ReservationStatus.NoShow);

        Assert.Equal(ReservationStatus.NoShow, noShow.Status);
    }

    public static TheoryData<ReservationStatus, ReservationStatus> InvalidMoves()
    {
        var data = new TheoryData<ReservationStatus, ReservationStatus>();
        var reachable = new[]
        {
            ReservationStatus.Booked, ReservationStatus.CheckedIn, ReservationStatus.InConsultation,
            ReservationStatus.Completed, ReservationStatus.NoShow, ReservationStatus.Cancelled,
        };
        var targets = new[] { ReservationStatus.CheckedIn, ReservationStatus.InConsultation, ReservationStatus.Completed, ReservationStatus.NoShow };
        var allowed = new HashSet<(ReservationStatus, ReservationStatus)>
        {
            (ReservationStatus.Booked, ReservationStatus.CheckedIn),
            (ReservationStatus.CheckedIn, ReservationStatus.InConsultation),
            (ReservationStatus.InConsultation, ReservationStatus.Completed),
            (ReservationStatus.Booked, ReservationStatus.NoShow),
            (ReservationStatus.CheckedIn, ReservationStatus.NoShow),
        };
        foreach (var from in reachable)
        foreach (var to in targets)
            if (from != to && !allowed.Contains((from, to))) data.Add(from, to);
        // The doctor's side cannot book or cancel through the status flow.
        data.Add(ReservationStatus.CheckedIn, ReservationStatus.Booked);
        data.Add(ReservationStatus.Booked, ReservationStatus.Cancelled);
        data.Add(ReservationStatus.Booked, ReservationStatus.PendingPayment);
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidMoves))]
    public async Task AnInvalidMoveIsRefusedAndChangesNothing(ReservationStatus from, ReservationStatus to)
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreatePoolOnItsDayAsync();
        var reservation = await BringTo(pool, from);
        var version = (await pool.GetSnapshotAsync())!.Version;

        var outcome = await pool.ChangeReservationStatusAsync(reservation.ReservationId, to);

        Assert.Equal(new ReservationStatusOutcome.InvalidTransition(from, to), outcome);
        Assert.Equal(from, (await pool.GetReservationAsync(reservation.ReservationId))!.Status);
        Assert.Equal(version, (await pool.GetSnapshotAsync())!.Version);
    }

    [Fact]
    public async Task RepeatingAMoveIsHarmlessAndSaysSo()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreatePoolOnItsDayAsync();
        var reservation = await Reserve(pool, "patient-1");
        await Move(pool, reservation, ReservationStatus.CheckedIn);
        var version = (await pool.GetSnapshotAsync())!.Version;

        var again = await pool.ChangeReservationStatusAsync(reservation.ReservationId, ReservationStatus.CheckedIn);

        var changed = Assert.IsType<ReservationStatusOutcome.Changed>(again);
        Assert.True(changed.Repeated, "a second check-in should be reported as a repeat");
        Assert.Equal(ReservationStatus.CheckedIn, changed.Reservation.Status);
        Assert.Equal(version, (await pool.GetSnapshotAsync())!.Version);
    }

    [Fact]
    public async Task AnUnknownReservationIsNotFound()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreatePoolOnItsDayAsync();

        var outcome = await pool.ChangeReservationStatusAsync("0123456789abcdef0123456789abcdef", ReservationStatus.CheckedIn);

        Assert.IsType<ReservationStatusOutcome.ReservationNotFound>(outcome);
    }

    [Fact]
    public async Task ANoShowGivesItsNumberBackLikeACancellation()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreatePoolOnItsDayAsync(quota: 2);
        var absent = await Reserve(pool, "patient-1");
        await Reserve(pool, "patient-2");

        await Move(pool, absent, ReservationStatus.NoShow);
        var walkIn = await Reserve(pool, "patient-3");

        Assert.Equal(1, walkIn.SequenceNumber);
        Assert.Equal(2, (await pool.GetSnapshotAsync())!.Booked);
    }

    [Fact]
    public async Task TheCommittedSnapshotCountsANoShowAsAFreedNumber()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreatePoolOnItsDayAsync(quota: 3);
        var absent = await Reserve(pool, "patient-1");
        var present = await Reserve(pool, "patient-2");

        await Move(pool, present, ReservationStatus.CheckedIn);
        await Move(pool, absent, ReservationStatus.NoShow);

        // The live snapshot is the committed state the grain kept changing; another silo on the
        // same storage rebuilds it from the stored changes. Both must agree.
        var folded = (await pool.GetSnapshotAsync())!;
        await using var otherSilo = await GrainHost.StartPoolsAsync(harness.Storage, harness.Clock);
        var reloaded = (await otherSilo.Pools.GetSlotPool(pool.GetPrimaryKeyString()).GetSnapshotAsync())!;
        Assert.Equal(1, folded.Booked);
        Assert.Equal(folded.Booked, reloaded.Booked);
        Assert.Equal(folded.Version, reloaded.Version);
    }

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static TheoryData<ReservationStatus, DateTimeOffset> Openings() => new()
    {
        // Check-in: 60 minutes (the default) before the 08:00 start; call and complete: the start;
        // no-show: the end of the 30th number (13:00) plus the 30-minute grace.
        { ReservationStatus.CheckedIn, new DateTimeOffset(2026, 12, 7, 7, 0, 0, Beijing) },
        { ReservationStatus.InConsultation, new DateTimeOffset(2026, 12, 7, 8, 0, 0, Beijing) },
        { ReservationStatus.NoShow, new DateTimeOffset(2026, 12, 7, 13, 30, 0, Beijing) },
    };

    [Theory]
    [MemberData(nameof(Openings))]
    public async Task AMoveIsRefusedUntilItsTimeAndAllowedFromIt(ReservationStatus to, DateTimeOffset opensAt)
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        var reservation = await Reserve(pool, "patient-1");
        if (to == ReservationStatus.InConsultation)
        {
            harness.Clock.SetUtcNow(opensAt - TimeSpan.FromHours(1));
            await Move(pool, reservation, ReservationStatus.CheckedIn);
        }
        harness.Clock.SetUtcNow(opensAt - TimeSpan.FromSeconds(1));
        var version = (await pool.GetSnapshotAsync())!.Version;

        var early = await pool.ChangeReservationStatusAsync(reservation.ReservationId, to);
        var versionAfterRefusal = (await pool.GetSnapshotAsync())!.Version;
        harness.Clock.SetUtcNow(opensAt);
        var onTime = await pool.ChangeReservationStatusAsync(reservation.ReservationId, to);

        Assert.Equal(new ReservationStatusOutcome.TooEarly(to, opensAt), early);
        Assert.Equal(version, versionAfterRefusal);
        Assert.Equal(to, Assert.IsType<ReservationStatusOutcome.Changed>(onTime).Reservation.Status);
    }

    [Fact]
    public async Task CheckInAndCallsCloseWithTheVisitDay()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        var reservation = await Reserve(pool, "patient-1");
        var midnight = new DateTimeOffset(2026, 12, 8, 0, 0, 0, Beijing);
        harness.Clock.SetUtcNow(midnight);

        var checkIn = await pool.ChangeReservationStatusAsync(reservation.ReservationId, ReservationStatus.CheckedIn);
        var call = await pool.CallNextAsync();

        Assert.Equal(new ReservationStatusOutcome.VisitDayOver(ReservationStatus.CheckedIn, midnight), checkIn);
        Assert.Equal(new CallNextOutcome.OutsideHours(new ReservationStatusOutcome.VisitDayOver(ReservationStatus.InConsultation, midnight)), call);
        // A no-show can still be recorded the next day: it has no end.
        Assert.IsType<ReservationStatusOutcome.Changed>(await pool.ChangeReservationStatusAsync(reservation.ReservationId, ReservationStatus.NoShow));
    }

    internal static async Task<Reservation> Reserve(ISlotPoolGrain pool, string patientId) =>
        Assert.IsType<ReserveOutcome.Reserved>(await pool.ReserveAsync(new ReserveRequest(patientId))).Reservation;

    internal static async Task<Reservation> Move(ISlotPoolGrain pool, Reservation reservation, ReservationStatus to)
    {
        var outcome = await pool.ChangeReservationStatusAsync(reservation.ReservationId, to);
        return Assert.IsType<ReservationStatusOutcome.Changed>(outcome).Reservation;
    }

    /// <summary>A fresh reservation walked to <paramref name="status"/> by the allowed moves (or cancelled).</summary>
    private static async Task<Reservation> BringTo(ISlotPoolGrain pool, ReservationStatus status)
    {
        var reservation = await Reserve(pool, "patient-1");
        switch (status)
        {
            case ReservationStatus.Booked:
                return reservation;
            case ReservationStatus.Cancelled:
                Assert.IsType<CancelOutcome.Cancelled>(await pool.CancelAsync(reservation.ReservationId, CancellationReason.AdminAction));
                return reservation;
            case ReservationStatus.NoShow:
                return await Move(pool, reservation, ReservationStatus.NoShow);
        }
        foreach (var step in new[] { ReservationStatus.CheckedIn, ReservationStatus.InConsultation, ReservationStatus.Completed })
        {
            reservation = await Move(pool, reservation, step);
            if (step == status) return reservation;
        }
        throw new ArgumentOutOfRangeException(nameof(status), status, "Not reachable in a test.");
    }
}
