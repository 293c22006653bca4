using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;
using static OrleansBooking.Tests.Patients.PatientHarness;

namespace OrleansBooking.Tests.Patients;

/// <summary>The two steps of a reservation: a limit place is taken, then confirmed by the pool's reservation or given back.</summary>
public sealed class TwoStepTests
{
    [Fact]
    public async Task AFailingPoolGivesTheLimitPlaceBack()
    {
        FaultyPools? faulty = null;
        await using var harness = await PatientHarness.StartAsync(wrapPools: pools => faulty = new FaultyPools(pools, "broken"));
        harness.Register("pt-1");
        foreach (var p in new[] { "broken", "a", "b" }) await harness.OpenPoolAsync(p, Monday, "dept-" + p);

        await Assert.ThrowsAsync<TimeoutException>(() => harness.ReserveAsync("pt-1", "broken"));

        // Had the failed attempt kept its place, the second of these would break the daily limit of 2.
        await harness.ReserveOkAsync("pt-1", "a");
        await harness.ReserveOkAsync("pt-1", "b");
        Assert.NotNull(faulty);
    }

    [Fact]
    public async Task AReplyLostAfterThePoolDecidedIsCountedOnTheNextAttempt()
    {
        FaultyPools? faulty = null;
        await using var harness = await PatientHarness.StartAsync(wrapPools: pools => faulty = new FaultyPools(pools, "lossy") { FailAfterDeciding = true });
        harness.Register("pt-1");
        foreach (var p in new[] { "lossy", "a", "b" }) await harness.OpenPoolAsync(p, Monday, "dept-" + p);

        await Assert.ThrowsAsync<TimeoutException>(() => harness.ReserveAsync("pt-1", "lossy"));
        await harness.ReserveOkAsync("pt-1", "a");

        // The lossy pool did reserve: memory was in doubt and re-read it, so this is the third.
        Assert.Equal(new PatientReserveOutcome.LimitReached(LimitKind.PerDay, 2), await harness.ReserveAsync("pt-1", "b"));
        Assert.Equal(2, await harness.HeldByAsync("pt-1"));
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
