using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Api.Rush;
using OrleansBooking.Grains.Rush;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.Rush;

/// <summary>The rush board's counters: per pool and second, a minute kept, silent pools forgotten.</summary>
public sealed class ReservationAttemptsTests
{
    private readonly FakeTimeProvider clock = new(TestClocks.DefaultStart);

    [Fact]
    public void AttemptsPerSecondAreThoseOfTheLastWholeSecond()
    {
        var attempts = new ReservationAttempts(clock);
        Record(attempts, "p1", RushOutcome.Booked, 3);
        Record(attempts, "p1", RushOutcome.SoldOut, 2);
        clock.Advance(TimeSpan.FromSeconds(1));
        Record(attempts, "p1", RushOutcome.SoldOut, 7);

        var p1 = Assert.Single(attempts.Recent());
        Assert.Equal(5, p1.LastSecond);
        Assert.Equal(3, p1.Count(RushOutcome.Booked));
        Assert.Equal(9, p1.Count(RushOutcome.SoldOut));
    }

    [Fact]
    public void APoolSilentForAMinuteIsForgotten()
    {
        var attempts = new ReservationAttempts(clock);
        Record(attempts, "quiet", RushOutcome.Booked, 1);
        clock.Advance(TimeSpan.FromSeconds(30));
        Record(attempts, "busy", RushOutcome.NotReleased, 1);
        clock.Advance(TimeSpan.FromSeconds(30));

        var recent = attempts.Recent();
        Assert.Equal(["busy"], recent.Select(r => r.PoolId).ToArray());
        Assert.Equal(1, recent[0].Count(RushOutcome.NotReleased));
    }

    [Fact]
    public void ABucketReusedAMinuteLaterStartsFromNothing()
    {
        var attempts = new ReservationAttempts(clock);
        Record(attempts, "p1", RushOutcome.Failed, 4);
        clock.Advance(TimeSpan.FromSeconds(ReservationAttempts.WindowSeconds));
        Record(attempts, "p1", RushOutcome.Booked, 1);

        var p1 = Assert.Single(attempts.Recent());
        Assert.Equal(0, p1.Count(RushOutcome.Failed));
        Assert.Equal(1, p1.Count(RushOutcome.Booked));
    }

    [Fact]
    public void PastTheCapNewPoolsAreNotCounted()
    {
        var attempts = new ReservationAttempts(clock);
        for (var i = 0; i < ReservationAttempts.MaxPools; i++) attempts.Record($"p{i}", RushOutcome.SoldOut);
        attempts.Record("one-too-many", RushOutcome.SoldOut);
        attempts.Record("p0", RushOutcome.SoldOut);

        var recent = attempts.Recent();
        Assert.Equal(ReservationAttempts.MaxPools, recent.Count);
        Assert.DoesNotContain(recent, r => r.PoolId == "one-too-many");
        Assert.Equal(2, recent.Single(r => r.PoolId == "p0").Count(RushOutcome.SoldOut));
    }

    private static void Record(ReservationAttempts attempts, string poolId, RushOutcome outcome, int times)
    {
        for (var i = 0; i < times; i++) attempts.Record(poolId, outcome);
    }
}
