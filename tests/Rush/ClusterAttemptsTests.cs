using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Api.Rush;
using OrleansBooking.Grains.Rush;
using OrleansBooking.Tests.Fakes;
using OrleansBooking.Tests.Hosting;

namespace OrleansBooking.Tests.Rush;

/// <summary>
/// The rush board across silos: each silo's counters and reporter, one cluster tally grain (on
/// Orleans' test cluster), the board's merged view; one fake clock, reports sent when the test says.
/// </summary>
public sealed class ClusterAttemptsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(TestClocks.DefaultStart);
    private GrainHost host = null!;

    public async Task InitializeAsync() => host = await GrainHost.StartAsync(clock, _ => { });

    [Fact]
    public async Task TwoSilosCountsAreSummedOnEveryBoard()
    {
        var (a, aReports) = Silo();
        var (b, bReports) = Silo();
        Record(a, "p1", RushOutcome.Booked, 3);
        Record(b, "p1", RushOutcome.SoldOut, 2);
        Record(b, "p2", RushOutcome.NotReleased, 1);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await aReports.ReportAsync());
        Assert.True(await bReports.ReportAsync());

        // Silo A's board: its own counts live, B's from the tally; never A's twice.
        var onA = await Board(a);
        Assert.Equal((5, 3, 2), (onA["p1"].LastSecond, onA["p1"].Count(RushOutcome.Booked), onA["p1"].Count(RushOutcome.SoldOut)));
        Assert.Equal((1, 1), (onA["p2"].LastSecond, onA["p2"].Count(RushOutcome.NotReleased)));
        // A third silo that took no request shows the same cluster.
        var onC = await Board(Silo().Attempts);
        Assert.Equal((5, 3, 2), (onC["p1"].LastSecond, onC["p1"].Count(RushOutcome.Booked), onC["p1"].Count(RushOutcome.SoldOut)));
        Assert.Equal(2, onC.Count);
    }

    [Fact]
    public async Task AResentSecondReplacesWhatWasSentAndIsNotCountedTwice()
    {
        var (a, aReports) = Silo();
        Record(a, "p1", RushOutcome.Booked, 4);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await aReports.ReportAsync());
        Assert.True(await aReports.ReportAsync());
        // The next second's report sends the acknowledged second again, with a newer one.
        clock.Advance(TimeSpan.FromSeconds(1));
        Record(a, "p1", RushOutcome.SoldOut, 1);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await aReports.ReportAsync());

        var board = await Board(Silo().Attempts);
        Assert.Equal((5, 4, 1, 1), (board["p1"].LastMinuteByOutcome.Sum(), board["p1"].Count(RushOutcome.Booked),
            board["p1"].Count(RushOutcome.SoldOut), board["p1"].LastSecond));
    }

    [Fact]
    public async Task ASecondReportedAgainWithNoPoolIsCleared()
    {
        var tally = host.Grains.GetGrain<IClusterAttemptsGrain>(RushWindow.TallyKey);
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        await tally.ReportAsync(new SiloAttemptsReport("silo-x", second, second, [new PoolAttemptsInSecond("p1", second, [2, 0, 0, 0, 0])]));
        Assert.Equal(2, (await tally.GetLastMinuteAsync("nobody", second + 1)).Single().Count(RushOutcome.Booked));

        await tally.ReportAsync(new SiloAttemptsReport("silo-x", second, second, []));
        Assert.Empty(await tally.GetLastMinuteAsync("nobody", second + 1));
    }

    [Fact]
    public async Task ASilentSilosCountsAgeOutAfterTheMinute()
    {
        var (a, aReports) = Silo();
        var (_, bReports) = Silo();
        Record(a, "p1", RushOutcome.Booked, 2);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await aReports.ReportAsync());
        // A is lost here; B goes on reporting its empty seconds.
        var onB = Silo().Attempts;
        clock.Advance(TimeSpan.FromSeconds(RushWindow.Seconds - 2));
        Assert.True(await bReports.ReportAsync());
        Assert.Equal(2, (await Board(onB))["p1"].Count(RushOutcome.Booked));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await bReports.ReportAsync());
        Assert.Empty(await Board(onB));
    }

    private (ReservationAttempts Attempts, AttemptsReporter Reports) Silo()
    {
        var attempts = new ReservationAttempts(clock);
        return (attempts, new AttemptsReporter(attempts, host.Grains, clock, NullLogger<AttemptsReporter>.Instance));
    }

    private async Task<Dictionary<string, PoolAttemptsSnapshot>> Board(ReservationAttempts silo) =>
        (await new ClusterAttempts(silo, host.Grains, clock).RecentAsync()).ToDictionary(p => p.PoolId);

    private static void Record(ReservationAttempts attempts, string poolId, RushOutcome outcome, int times)
    {
        for (var i = 0; i < times; i++) attempts.Record(poolId, outcome);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();
}
