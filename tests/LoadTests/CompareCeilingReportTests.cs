using Microsoft.Extensions.Time.Testing;
using OrleansBooking.LoadTests.Comparison;
using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Reports;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>compare's ceiling: ours beside wrk's, the share we reach, and what it says when wrk is missing.</summary>
public class CompareCeilingReportTests
{
    /// <summary>A ceiling leg of <paramref name="requests"/> probes in 1 s that cost the generator <paramref name="cpu"/>.</summary>
    private static LegResult Ceiling(int requests, TimeSpan cpu)
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var m = new RunMeasurements(clock, clock.GetTimestamp());
        long intended = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromMilliseconds(2));
        for (int i = 0; i < requests; i++) m.Record(RequestKind.Ceiling, new RequestOutcome(200, ""), intended);
        return new LegResult("ceiling", RequestKind.Ceiling, m, new SessionSummary(TimeSpan.FromSeconds(1), 0, null), null, GeneratorCpu: cpu);
    }

    private static WrkCeilingResult Wrk(double requestsPerSecond, long requests, TimeSpan cpu) => new(
        new WrkRun("wrk -t2 -c256 -d1s --latency http://127.0.0.1:5402/health/live", "",
            new WrkOutput(requests, TimeSpan.FromSeconds(1), requestsPerSecond, 2_000, 9_000, 1_900, 2_400, 3_100, 6_900, 0, 0), cpu),
        null);

    private static CeilingRounds Rounds(params (int Ours, double Wrk)[] rounds) => new(rounds
        .Select((r, i) => new CeilingRound(i + 1, Ceiling(r.Ours, TimeSpan.FromSeconds(1)), Wrk(r.Wrk, (long)r.Wrk, TimeSpan.FromSeconds(0.4))))
        .ToList());

    [Fact]
    public void TheRatioOfTheMediansIsJudgedAgainstEightyPercentWithoutGatingTheRun()
    {
        // Medians 1,000 and 2,000, though no single round has that ratio.
        var line = WrkCeilingReport.Line(Rounds((900, 1_500), (1_000, 2_000), (1_700, 2_100)));

        Assert.Equal(
            "our generator ≥ 80 % of wrk's requests/s on the ceiling (medians of 3 rounds): FAIL — 50 % (1,000 vs 2,000 requests/s) (does not change the exit code)",
            line.ToString());
        Assert.False(line.Breached);
    }

    [Fact]
    public void ReachingEightyPercentOfWrksMedianPasses()
    {
        var line = WrkCeilingReport.Line(Rounds((1_600, 2_000), (1_700, 2_100)));

        Assert.Equal(VerdictState.Pass, line.State);
    }

    [Fact]
    public void AnEvenNumberOfRoundsTakesTheMeanOfTheTwoMiddleOnes()
    {
        var rounds = Rounds((1_000, 2_000), (1_400, 3_000), (1_200, 2_600), (5_000, 2_200));

        Assert.Equal(1_300, rounds.OursMedian, 6);
        Assert.Equal(2_400, rounds.WrkMedian!.Value, 6);
        Assert.Equal(1_300 / 2_400.0, rounds.Share!.Value, 6);
        Assert.Equal(1_200, rounds.MedianOurs.RequestsPerSecond, 6);
    }

    [Fact]
    public void TheTableShowsEveryRoundTheMediansAndTheCpuEachSpentPerThousandRequests()
    {
        var first = new CeilingRound(1, Ceiling(1_000, TimeSpan.FromSeconds(0.25)), Wrk(2_000, 2_000, TimeSpan.FromSeconds(0.1)));
        var second = new CeilingRound(2, Ceiling(3_000, TimeSpan.FromSeconds(0.75)), Wrk(4_000, 4_000, TimeSpan.FromSeconds(0.4)));
        var table = WrkCeilingReport.Table(new CeilingRounds([first, second]), "closed, 64 patients");

        Assert.Equal(["1", "our generator", "1,000", "1,000"], table.Rows[0][..4]);
        Assert.Equal("0.250", table.Rows[0][8]);
        Assert.Equal(["1", "wrk", "2,000", "2,000", "1.90", "3.10", "6.90", "9.00", "0.050"], table.Rows[1][..9]);
        Assert.Equal(["2", "our generator", "3,000", "3,000"], table.Rows[2][..4]);
        Assert.Equal(["median", "our generator", "–", "2,000"], table.Rows[4][..4]);
        Assert.Equal("0.250", table.Rows[4][8]);
        Assert.Equal(["median", "wrk", "–", "3,000"], table.Rows[5][..4]);
        Assert.Equal("0.075", table.Rows[5][8]);
        Assert.Equal(["median", "ours / wrk", "–", "67 %"], table.Rows[6][..4]);
    }

    [Fact]
    public void WithoutWrkTheReportSaysWhyInsteadOfFailing()
    {
        var missing = WrkCeilingResult.Absent("wrk is not on PATH (Debian package wrk)");
        var rounds = new CeilingRounds([new CeilingRound(1, Ceiling(1_000, TimeSpan.FromSeconds(0.25)), missing)]);

        var table = WrkCeilingReport.Table(rounds, "closed, 64 patients");
        var line = WrkCeilingReport.Line(rounds);

        Assert.Equal(3, table.Rows.Count);
        Assert.Equal("wrk is not on PATH (Debian package wrk)", table.Rows[1][^1]);
        Assert.Null(rounds.Share);
        Assert.Equal(VerdictState.Reported, line.State);
        Assert.Contains("not measured: wrk is not on PATH", line.ToString());
    }

    [Theory]
    [InlineData(500, VerdictState.Pass)]
    [InlineData(499, VerdictState.Fail)]
    public void ReservationAttemptsAreJudgedAgainstHalfOfOurMedianCeiling(int attempts, VerdictState expected)
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var m = new RunMeasurements(clock, clock.GetTimestamp());
        long intended = clock.GetTimestamp();
        // Booked and sold out alike are attempts.
        for (int i = 0; i < attempts; i++)
            m.Record(RequestKind.Reserve, i % 2 == 0 ? new RequestOutcome(201, "") : new RequestOutcome(409, "sold_out"), intended);
        var actor = new LegResult("actor", RequestKind.Reserve, m, new SessionSummary(TimeSpan.FromSeconds(1), 0, null), null);

        var line = WrkCeilingReport.ReservationLine(actor, Rounds((800, 2_000), (1_000, 2_000), (1_200, 2_000)));

        Assert.Equal(expected, line.State);
        Assert.False(line.Breached);
        Assert.Contains($"({attempts:N0} vs 1,000 requests/s)", line.ToString());
    }

    [Fact]
    public void WrkIsLookedForOnEveryDirectoryOfThePath()
    {
        string dir = Path.Combine(Path.GetTempPath(), "wrk-path-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            Assert.Null(WrkCeiling.FindOnPath(dir));
            File.WriteAllText(Path.Combine(dir, "wrk"), "");
            Assert.Equal(Path.Combine(dir, "wrk"), WrkCeiling.FindOnPath($"/nonexistent-dir{Path.PathSeparator}{dir}"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
