using Microsoft.Extensions.Time.Testing;
using OrleansBooking.LoadTests.Comparison;
using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>compare's ceiling rounds: the silo warmed first, then ours and wrk's in turn, so neither gets only the colder silo.</summary>
public class CompareCeilingRoundsTests
{
    private static LegResult Ceiling(int requests)
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var m = new RunMeasurements(clock, clock.GetTimestamp());
        for (int i = 0; i < requests; i++) m.Record(RequestKind.Ceiling, new RequestOutcome(200, ""), clock.GetTimestamp());
        return new LegResult("ceiling", RequestKind.Ceiling, m, new SessionSummary(TimeSpan.FromSeconds(1), 0, null), null);
    }

    private static WrkCeilingResult Wrk(double requestsPerSecond) => new(
        new WrkRun("wrk", "", new WrkOutput((long)requestsPerSecond, TimeSpan.FromSeconds(1), requestsPerSecond, 1, 1, 1, 1, 1, 1, 0, 0),
            TimeSpan.Zero), null);

    [Fact]
    public async Task TheSiloIsWarmedOnceThenOursAndWrkTakeTurns()
    {
        var order = new List<string>();

        var rounds = await CeilingRounds.RunAsync(3,
            () => { order.Add("warm"); return Task.CompletedTask; },
            round => { order.Add($"ours {round}"); return Task.FromResult(Ceiling(100 * round)); },
            round => { order.Add($"wrk {round}"); return Task.FromResult(Wrk(1_000 * round)); });

        Assert.Equal(["warm", "ours 1", "wrk 1", "ours 2", "wrk 2", "ours 3", "wrk 3"], order);
        Assert.Equal([1, 2, 3], rounds.Rounds.Select(r => r.Number));
        Assert.Equal([100.0, 200, 300], rounds.Rounds.Select(r => r.Ours.RequestsPerSecond));
        Assert.Equal(200, rounds.OursMedian, 6);
        Assert.Equal(2_000, rounds.WrkMedian!.Value, 6);
    }

    [Fact]
    public async Task OnceWrkIsMissingItIsNotTriedAgainButOurRoundsGoOn()
    {
        int wrkCalls = 0;

        var rounds = await CeilingRounds.RunAsync(3,
            () => Task.CompletedTask,
            round => Task.FromResult(Ceiling(100 * round)),
            _ => { wrkCalls++; return Task.FromResult(WrkCeilingResult.Absent("wrk is not on PATH")); });

        Assert.Equal(1, wrkCalls);
        Assert.Equal(3, rounds.Rounds.Count);
        Assert.All(rounds.Rounds, r => Assert.Equal("wrk is not on PATH", r.Wrk.Missing));
        Assert.Null(rounds.WrkMedian);
        Assert.Equal("wrk is not on PATH", rounds.WrkMissing);
    }

    [Fact]
    public async Task AtLeastOneRoundIsAsked()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => CeilingRounds.RunAsync(0,
            () => Task.CompletedTask, _ => Task.FromResult(Ceiling(1)), _ => Task.FromResult(Wrk(1))));
    }

    [Fact]
    public void TheMedianOfNothingIsNone()
    {
        Assert.Null(CeilingRounds.Median([]));
        Assert.Equal(3, CeilingRounds.Median([5, 1, 3]));
        Assert.Equal(2, CeilingRounds.Median([3, 1]));
    }
}
