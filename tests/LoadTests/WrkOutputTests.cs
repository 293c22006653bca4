using System.Text.RegularExpressions;
using OrleansBooking.LoadTests.Comparison;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>Reading back what wrk 4 (the Debian package) prints after <c>wrk -t2 -c256 -dNs --latency URL</c>.</summary>
public class WrkOutputTests
{
    // Captured from wrk 4.1.0 (Debian 4.1.0-3+b2) against a local silo, 2026-12-02.
    private const string CapturedRun = """
        Running 5s test @ http://127.0.0.1:5403/health/live
          2 threads and 256 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency    18.20ms   10.00ms  80.10ms   74.06%
            Req/Sec     6.90k     1.82k   11.91k    69.39%
          Latency Distribution
             50%   16.10ms
             75%   23.57ms
             90%   30.87ms
             99%   50.71ms
          69037 requests in 5.05s, 8.23MB read
        Requests/sec:  13669.68
        Transfer/sec:      1.63MB

        """;

    // Laid out as wrk 4.1's printf formats lay out an overloaded host (src/wrk.c: print_stats, print_stats_latency):
    // latencies in seconds (wrk pads a one-letter unit with a trailing space), failures counted.
    private const string SlowRun = """
        Running 10s test @ http://127.0.0.1:5402/health/live
          2 threads and 256 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency   387.15ms  412.60ms   1.99s    84.21%
            Req/Sec   356.02    201.44     1.01k    66.50%
          Latency Distribution
             50%  210.33ms
             75%  540.87ms
             90%    1.02s 
             99%    1.87s 
          7021 requests in 10.03s, 0.88MB read
          Socket errors: connect 0, read 12, write 0, timeout 340
          Non-2xx or 3xx responses: 25
        Requests/sec:    700.00
        Transfer/sec:     89.71KB

        """;

    [Fact]
    public void ACapturedRunGivesItsRateCountAndLatencyDistribution()
    {
        var o = WrkOutput.Parse(CapturedRun);

        Assert.Equal(69_037, o.Requests);
        Assert.Equal(TimeSpan.FromMicroseconds(5_050_000), o.Elapsed);
        Assert.Equal(13_669.68, o.RequestsPerSecond);
        Assert.Equal((18_200L, 80_100L), (o.MeanMicros, o.MaxMicros));
        Assert.Equal((16_100L, 23_570L, 30_870L, 50_710L), (o.P50Micros, o.P75Micros, o.P90Micros, o.P99Micros));
        Assert.Equal((0L, 0L), (o.SocketErrors, o.NonSuccessResponses));
    }

    [Fact]
    public void ASlowRunGivesSecondsAndItsFailures()
    {
        var o = WrkOutput.Parse(SlowRun);

        Assert.Equal(7_021, o.Requests);
        Assert.Equal(700.0, o.RequestsPerSecond);
        Assert.Equal((387_150L, 1_990_000L), (o.MeanMicros, o.MaxMicros));
        Assert.Equal((210_330L, 540_870L, 1_020_000L, 1_870_000L), (o.P50Micros, o.P75Micros, o.P90Micros, o.P99Micros));
        Assert.Equal(12 + 340, o.SocketErrors);
        Assert.Equal(25, o.NonSuccessResponses);
    }

    [Fact]
    public void OutputWithoutTheLatencyDistributionIsRefusedNamingTheSwitch()
    {
        // What wrk prints without --latency: no distribution block, the rest the same.
        string withoutLatency = string.Join('\n', CapturedRun.Split('\n')
            .Where(l => !l.Contains("Latency Distribution") && !Regex.IsMatch(l, @"^\s*\d+%")));

        var e = Assert.Throws<FormatException>(() => WrkOutput.Parse(withoutLatency));
        Assert.Contains("--latency", e.Message);
    }

    [Fact]
    public void OutputThatIsNotWrksIsRefused()
    {
        var e = Assert.Throws<FormatException>(() => WrkOutput.Parse("unable to connect to 127.0.0.1:5402 Connection refused\n"));
        Assert.Contains("requests in", e.Message);
    }

    [Theory]
    [InlineData("812.00us", 812)]
    [InlineData("2.63ms", 2_630)]
    [InlineData("1.02s", 1_020_000)]
    [InlineData("1.50m", 90_000_000)]
    public void WrkTimesAreReadInTheirUnit(string text, long micros) => Assert.Equal(micros, WrkOutput.Micros(text));

    [Fact]
    public void AProcStatLineGivesUserPlusSystemTimeWhateverTheCommandName()
    {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …; comm may hold ") ".
        const string stat = "4242 (wrk) x) S 1 4242 4242 0 -1 4194560 1201 0 0 0 1234 567 0 0 20 0 3 0 98765 12345678 900 18446744073709551615";

        Assert.Equal(TimeSpan.FromSeconds(18.01), ProcessCpuSample.Parse(stat));
    }
}
