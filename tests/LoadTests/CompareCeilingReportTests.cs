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

    [Fact]
    public void TheShareOfWrksRateIsJudgedAgainstEightyPercentWithoutGatingTheRun()
    {
        var line = WrkCeilingReport.Line(Ceiling(1_000, TimeSpan.FromSeconds(1)), Wrk(2_000, 2_000, TimeSpan.FromSeconds(0.4)));

        Assert.Equal("our generator ≥ 80 % of wrk's requests/s on the ceiling: FAIL — 50 % (1,000 vs 2,000 requests/s) (does not change the exit code)",
            line.ToString());
        Assert.False(line.Breached);
    }

    [Fact]
    public void ReachingEightyPercentOfWrkPasses()
    {
        var line = WrkCeilingReport.Line(Ceiling(1_600, TimeSpan.FromSeconds(1)), Wrk(2_000, 2_000, TimeSpan.FromSeconds(0.4)));

        Assert.Equal(VerdictState.Pass, line.State);
    }

    [Fact]
    public void TheTableShowsBothRatesAndTheCpuEachSpentPerThousandRequests()
    {
        var table = WrkCeilingReport.Table(Ceiling(1_000, TimeSpan.FromSeconds(0.25)), Wrk(2_000, 2_000, TimeSpan.FromSeconds(0.1)), "closed, 64 patients");

        Assert.Equal(["our generator", "1,000", "1,000"], table.Rows[0][..3]);
        Assert.Equal("0.250", table.Rows[0][7]);
        Assert.Equal(["wrk", "2,000", "2,000", "1.90", "3.10", "6.90", "9.00", "0.050"], table.Rows[1][..8]);
        Assert.Equal(["ours / wrk", "–", "50 %"], table.Rows[2][..3]);
    }

    [Fact]
    public void WithoutWrkTheReportSaysWhyInsteadOfFailing()
    {
        var missing = WrkCeilingResult.Absent("wrk is not on PATH (Debian package wrk)");
        var ours = Ceiling(1_000, TimeSpan.FromSeconds(0.25));

        var table = WrkCeilingReport.Table(ours, missing, "closed, 64 patients");
        var line = WrkCeilingReport.Line(ours, missing);

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("wrk is not on PATH (Debian package wrk)", table.Rows[1][^1]);
        Assert.Equal(VerdictState.Reported, line.State);
        Assert.Contains("not measured: wrk is not on PATH", line.ToString());
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
