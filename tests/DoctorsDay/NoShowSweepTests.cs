using Microsoft.Extensions.Logging.Abstractions;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Hosting.DoctorsDay;
using OrleansBooking.Tests.SlotPools;
using static OrleansBooking.Tests.DoctorsDay.StatusFlowTests;

namespace OrleansBooking.Tests.DoctorsDay;

public sealed class NoShowSweepTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(30);

    /// <summary>The harness pool: 30 numbers of 10 minutes from 08:00 on 7 Dec, so the session ends 13:00 and the grace 13:30 (Beijing).</summary>
    private static readonly DateTimeOffset GraceOver = new(2026, 12, 7, 13, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task BeforeTheSessionAndGraceAreOverNothingIsMarked()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        var reservation = await Reserve(pool, "patient-1");
        harness.Clock.SetUtcNow(GraceOver - TimeSpan.FromSeconds(1));

        var outcome = await pool.SweepNoShowsAsync(Grace);

        Assert.Equal(new NoShowSweepOutcome.NotDue(GraceOver), outcome);
        Assert.Equal(ReservationStatus.Booked, (await pool.GetReservationAsync(reservation.ReservationId))!.Status);
        Assert.Equal(PoolStatus.Open, (await pool.GetSnapshotAsync())!.StoredStatus);
    }

    [Fact]
    public async Task AfterTheGraceOnlyPatientsStillBookedBecomeNoShowsAndThePoolCloses()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        var absent = await Reserve(pool, "patient-1");
        var waiting = await Reserve(pool, "patient-2");
        var seen = await Reserve(pool, "patient-3");
        var alsoAbsent = await Reserve(pool, "patient-4");
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.FromHours(8)));
        await Move(pool, waiting, ReservationStatus.CheckedIn);
        await Move(pool, seen, ReservationStatus.CheckedIn);
        await Move(pool, seen, ReservationStatus.InConsultation);
        await Move(pool, seen, ReservationStatus.Completed);
        harness.Clock.SetUtcNow(GraceOver);

        var outcome = await pool.SweepNoShowsAsync(Grace);

        var swept = Assert.IsType<NoShowSweepOutcome.Swept>(outcome);
        Assert.Equal([absent.ReservationId, alsoAbsent.ReservationId], swept.NoShows.Select(r => r.ReservationId));
        Assert.All(swept.NoShows, r => Assert.Equal(ReservationStatus.NoShow, r.Status));
        Assert.Equal(ReservationStatus.CheckedIn, (await pool.GetReservationAsync(waiting.ReservationId))!.Status);
        Assert.Equal(ReservationStatus.Completed, (await pool.GetReservationAsync(seen.ReservationId))!.Status);
        var snapshot = (await pool.GetSnapshotAsync())!;
        Assert.Equal(PoolStatus.Closed, snapshot.StoredStatus);
        Assert.Equal(2, snapshot.Booked);
        // Closed: the freed numbers of a session that is over are not offered again.
        Assert.Equal(new ReserveOutcome.PoolClosed(PoolStatus.Closed), await pool.ReserveAsync(new ReserveRequest("patient-5")));
    }

    [Fact]
    public async Task SweepingTwiceMarksNobodyTwice()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        await Reserve(pool, "patient-1");
        harness.Clock.SetUtcNow(GraceOver);
        await pool.SweepNoShowsAsync(Grace);

        var second = Assert.IsType<NoShowSweepOutcome.Swept>(await pool.SweepNoShowsAsync(Grace));

        Assert.Empty(second.NoShows);
    }

    [Fact]
    public async Task TheSweepPassMarksDueSessionsReportsEachNoShowAndLeavesRunningSessionsAlone()
    {
        await using var harness = await PoolHarness.StartAsync();
        var morning = await harness.CreateReleasedPoolAsync(poolId: "li-am");
        // The same day's evening: 30 numbers from 18:00, so still running at 13:30.
        var evening = harness.Pools.GetSlotPool("li-pm");
        Assert.IsType<CreatePoolOutcome.Created>(await evening.CreateAsync(
            PoolHarness.Morning("li-pm") with { Session = ClinicSession.Evening, StartTime = new TimeOnly(18, 0) }));
        var absent = await Reserve(morning, "patient-1");
        var later = await Reserve(evening, "patient-2");
        var listener = new RecordingListener();
        var sessions = new FixedSessions(PoolHarness.Morning("li-am"), PoolHarness.Morning("li-pm") with
        {
            Session = ClinicSession.Evening,
            StartTime = new TimeOnly(18, 0),
        });
        var sweep = new NoShowSweep(harness.Pools, sessions, listener, harness.Clock, harness.Rules, Grace, NullLogger<NoShowSweep>.Instance);
        harness.Clock.SetUtcNow(GraceOver);

        var recorded = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal([absent.ReservationId], recorded.Select(r => r.ReservationId));
        Assert.Equal([(absent.ReservationId, "patient-1", GraceOver)], listener.Reported);
        Assert.Equal(new DateOnly(2026, 12, 7), sessions.AskedThrough);
        Assert.Equal(ReservationStatus.Booked, (await evening.GetReservationAsync(later.ReservationId))!.Status);
    }

    [Fact]
    public async Task AListenerThatFailsDoesNotStopTheSweep()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(poolId: "li-am");
        await Reserve(pool, "patient-1");
        await Reserve(pool, "patient-2");
        var listener = new RecordingListener { FailFor = "patient-1" };
        var sweep = new NoShowSweep(harness.Pools, new FixedSessions(PoolHarness.Morning("li-am")), listener, harness.Clock, harness.Rules,
            Grace, NullLogger<NoShowSweep>.Instance);
        harness.Clock.SetUtcNow(GraceOver);

        var recorded = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(2, recorded.Count);
        Assert.Equal(["patient-2"], listener.Reported.Select(r => r.PatientId));
    }

    private sealed class FixedSessions(params PoolDefinition[] pools) : ISessionsToSweep
    {
        public DateOnly? AskedThrough { get; private set; }

        public Task<IReadOnlyList<PoolDefinition>> FindAsync(DateOnly throughDate, CancellationToken cancellationToken)
        {
            AskedThrough = throughDate;
            return Task.FromResult<IReadOnlyList<PoolDefinition>>(pools);
        }
    }

    private sealed class RecordingListener : INoShowListener
    {
        public string? FailFor { get; init; }

        public List<(string ReservationId, string PatientId, DateTimeOffset At)> Reported { get; } = [];

        public Task NoShowRecordedAsync(Reservation noShow, DateTimeOffset at, CancellationToken cancellationToken)
        {
            if (noShow.PatientId == FailFor) throw new InvalidOperationException("The patient grain is unavailable.");
            Reported.Add((noShow.ReservationId, noShow.PatientId, at));
            return Task.CompletedTask;
        }
    }
}
