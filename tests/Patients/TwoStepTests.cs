using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;
using static OrleansBooking.Tests.Patients.PatientHarness;

namespace OrleansBooking.Tests.Patients;

/// <summary>The two steps of a reservation: a limit place is taken, then confirmed by the pool's reservation or given back.</summary>
public sealed class TwoStepTests
{
    /// <summary>pt-1 registered; <paramref name="poolIds"/> open on Monday, each in its own department; the patients reach them through <paramref name="faulty"/>.</summary>
    private static async Task<PatientHarness> StartWithFaultyPoolAsync(Func<ISlotPoolGrainFactory, FaultyPools> faulty, params string[] poolIds)
    {
        var harness = await PatientHarness.StartAsync(wrapPools: faulty);
        harness.Register("pt-1");
        foreach (var p in poolIds) await harness.OpenPoolAsync(p, Monday, "dept-" + p);
        return harness;
    }

    /// <summary>The very instance the patient grains are given (a singleton), so a test can steer it.</summary>
    private static FaultyPools FaultyPoolsOf(PatientHarness harness) =>
        (FaultyPools)harness.Host.Services.GetRequiredService<ISlotPoolGrainFactory>();

    [Fact]
    public async Task AnOverloadedPoolGivesTheLimitPlaceBack()
    {
        await using var harness = await StartWithFaultyPoolAsync(
            pools => new FaultyPools(pools, "busy") { Fault = new GrainOverloadedException("SlotPoolGrain/busy", 10) }, "busy", "a", "b");

        await Assert.ThrowsAsync<GrainOverloadedException>(() => harness.ReserveAsync("pt-1", "busy"));

        // The pool refused before deciding: had the attempt kept its place, the second of these would break the daily limit of 2.
        await harness.ReserveOkAsync("pt-1", "a");
        await harness.ReserveOkAsync("pt-1", "b");
    }

    [Fact]
    public async Task ATimedOutAttemptKeepsItsPlaceUntilItsPoolAnswers()
    {
        await using var harness = await StartWithFaultyPoolAsync(pools => new FaultyPools(pools, "lost"), "a", "b");
        harness.Register("pt-2");
        await harness.OpenPoolAsync("lost", Monday, "d1", quota: 1);
        await harness.ReserveOkAsync("pt-1", "a");

        // The request never reached the pool, but the patient cannot know that.
        await Assert.ThrowsAsync<TimeoutException>(() => harness.ReserveAsync("pt-1", "lost", key: "try-lost"));
        Assert.Equal(new PatientReserveOutcome.LimitReached(LimitKind.PerDay, 2), await harness.ReserveAsync("pt-1", "b"));

        // The retry's definite answer (sold out meanwhile) settles the attempt: its place is free again.
        FaultyPoolsOf(harness).Failing = false;
        await harness.ReserveOkAsync("pt-2", "lost");
        var retry = Assert.IsType<PatientReserveOutcome.Decided>(await harness.ReserveAsync("pt-1", "lost", key: "try-lost"));
        Assert.IsType<ReserveOutcome.SoldOut>(retry.Pool);
        await harness.ReserveOkAsync("pt-1", "b");
    }

    [Fact]
    public async Task AReplyLostAfterThePoolDecidedIsCountedOnTheNextAttempt()
    {
        await using var harness = await StartWithFaultyPoolAsync(pools => new FaultyPools(pools, "lossy") { FailAfterDeciding = true }, "lossy", "a", "b");

        await Assert.ThrowsAsync<TimeoutException>(() => harness.ReserveAsync("pt-1", "lossy"));
        await harness.ReserveOkAsync("pt-1", "a");

        // The lossy pool did reserve: memory was in doubt and re-read it, so this is the third.
        Assert.Equal(new PatientReserveOutcome.LimitReached(LimitKind.PerDay, 2), await harness.ReserveAsync("pt-1", "b"));
        Assert.Equal(2, await harness.HeldByAsync("pt-1"));
    }

    [Fact]
    public async Task AReservationCommittedAfterTheCallTimedOutNeverTakesThePatientPastALimit()
    {
        await using var harness = await StartWithFaultyPoolAsync(pools => new FaultyPools(pools, "queued") { DeliverLate = true }, "a", "queued", "b");
        var faulty = FaultyPoolsOf(harness);
        await harness.ReserveOkAsync("pt-1", "a", key: "try-a");

        // The pool has not decided when the patient's call times out: no read can show the reservation yet.
        await Assert.ThrowsAsync<TimeoutException>(() => harness.ReserveAsync("pt-1", "queued", key: "try-queued"));
        var third = await harness.ReserveAsync("pt-1", "b", key: "try-b");
        await faulty.DeliverLateAsync();

        Assert.Equal(new PatientReserveOutcome.LimitReached(LimitKind.PerDay, 2), third);
        Assert.Equal(2, await harness.HeldByAsync("pt-1"));
        // The client's retry, as the 503 told it, gets the reservation the pool committed.
        faulty.Failing = false;
        var committed = (await harness.ReadBookingsAsync("pt-1", CancellationToken.None)).Visits.Single(v => v.PoolId == "queued");
        var retry = Assert.IsType<PatientReserveOutcome.Decided>(await harness.ReserveAsync("pt-1", "queued", key: "try-queued"));
        var replayed = Assert.IsType<ReserveOutcome.Reserved>(retry.Pool);
        Assert.True(replayed.Replayed, "Expected the retry to replay the committed reservation; it made a new one.");
        Assert.Equal(committed.ReservationId, replayed.Reservation.ReservationId);
    }

    [Fact]
    public async Task ASoldOutPoolGivesTheLimitPlaceBack()
    {
        await using var harness = await PatientHarness.StartAsync();
        harness.Register("pt-1");
        harness.Register("pt-2");
        await harness.OpenPoolAsync("tiny", Monday, "d1", quota: 1);
        await harness.OpenPoolAsync("a", Monday, "d2");
        await harness.OpenPoolAsync("b", Monday, "d3");
        await harness.ReserveOkAsync("pt-2", "tiny");

        var soldOut = Assert.IsType<PatientReserveOutcome.Decided>(await harness.ReserveAsync("pt-1", "tiny"));
        Assert.IsType<ReserveOutcome.SoldOut>(soldOut.Pool);

        await harness.ReserveOkAsync("pt-1", "a");
        await harness.ReserveOkAsync("pt-1", "b");
    }

    [Fact]
    public async Task ACancellationTheGrainIsToldOfFreesTheLimitWithoutARead()
    {
        await using var harness = await PatientHarness.StartAsync();
        harness.Register("pt-1");
        foreach (var p in new[] { "a", "b", "c" }) await harness.OpenPoolAsync(p, Monday, "dept-" + p);
        var first = await harness.ReserveOkAsync("pt-1", "a");
        await harness.ReserveOkAsync("pt-1", "b");

        Assert.IsType<CancelOutcome.Cancelled>(await harness.Pools.GetSlotPool("a").CancelAsync(first.ReservationId, CancellationReason.PatientRequest));
        await harness.Patient("pt-1").ReservationCancelledAsync(first.ReservationId);
        var readsBefore = harness.BookingReads;

        await harness.ReserveOkAsync("pt-1", "c");
        Assert.Equal(readsBefore, harness.BookingReads);
    }

    [Fact]
    public async Task ACancellationBehindTheGrainsBackIsFoundBeforeRefusing()
    {
        await using var harness = await PatientHarness.StartAsync();
        harness.Register("pt-1");
        foreach (var p in new[] { "a", "b", "c" }) await harness.OpenPoolAsync(p, Monday, "dept-" + p);
        var first = await harness.ReserveOkAsync("pt-1", "a");
        await harness.ReserveOkAsync("pt-1", "b");

        // Stop-clinic cancels the pool's numbers without telling anyone's patient grain.
        Assert.IsType<ChangePoolOutcome.Changed>(await harness.Pools.GetSlotPool("a").ChangeAsync(new PoolChangeRequest(Status: PoolStatus.Cancelled)));

        await harness.ReserveOkAsync("pt-1", "c");
        Assert.Equal(2, await harness.HeldByAsync("pt-1"));
        Assert.NotNull(first);
    }

    [Fact]
    public async Task AnIdempotentRetryIsNotRefusedByALimit()
    {
        await using var harness = await PatientHarness.StartAsync();
        harness.Register("pt-1");
        foreach (var p in new[] { "a", "b" }) await harness.OpenPoolAsync(p, Monday, "dept-" + p);
        var first = await harness.ReserveOkAsync("pt-1", "a", key: "try-a");
        await harness.ReserveOkAsync("pt-1", "b", key: "try-b");

        var retry = Assert.IsType<PatientReserveOutcome.Decided>(await harness.ReserveAsync("pt-1", "a", key: "try-a"));

        Assert.Equal(new ReserveOutcome.Reserved(first, Replayed: true), retry.Pool);
    }

    [Fact]
    public async Task ARetryAfterReloadIsStillRecognised()
    {
        await using var harness = await PatientHarness.StartAsync(new PatientLimits { PerDay = 1 });
        harness.Register("pt-1");
        await harness.OpenPoolAsync("a", Monday, null);
        var first = await harness.ReserveOkAsync("pt-1", "a", key: "try-a");

        // A new activation (idle collection) loads the bookings from the reservations.
        Assert.True(await harness.Host.CollectIfIdleAsync(harness.Patient("pt-1")), "Expected the idle grain collected; it is still in memory.");

        var retry = Assert.IsType<PatientReserveOutcome.Decided>(await harness.ReserveAsync("pt-1", "a", key: "try-a"));
        Assert.Equal(new ReserveOutcome.Reserved(first, Replayed: true), retry.Pool);
    }

    [Fact]
    public async Task ASecondTryAtAHeldPoolGetsThePoolsAnswerNotALimit()
    {
        await using var harness = await PatientHarness.StartAsync();
        harness.Register("pt-1");
        await harness.OpenPoolAsync("a", Monday, "cardiology");
        var first = await harness.ReserveOkAsync("pt-1", "a");

        var again = Assert.IsType<PatientReserveOutcome.Decided>(await harness.ReserveAsync("pt-1", "a"));

        Assert.Equal(new ReserveOutcome.AlreadyBooked(first), again.Pool);
    }
}
