using System.Globalization;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.LoadTests.Reports;

/// <summary>
/// Pass/fail limits for a run. Every limit gets a verdict line whether it was met or not, and a
/// figure without a limit is still reported, so a reader sees each target's measured value; a
/// failed limit makes the exit code non-zero, so the suite can gate a deployment.
/// </summary>
/// <param name="MaxP99Ms">Highest acceptable p99 of the main request kind, in milliseconds; null: no limit.</param>
/// <param name="MaxErrorRate">Highest acceptable share (0–1) of requests that erred; null: no limit.</param>
/// <param name="MaxFirstSecondsP99Ms">
/// Highest acceptable p99 of the main requests meant to start within <see cref="RunMeasurements.FirstSecondsWindow"/>
/// of the start (the release); null: reported without a limit.
/// </param>
public sealed record Thresholds(double? MaxP99Ms = null, double? MaxErrorRate = null, double? MaxFirstSecondsP99Ms = null)
{
    public const string MaxP99Switch = "--max-p99-ms";
    public const string MaxErrorRateSwitch = "--max-error-rate";
    public const string MaxFirstSecondsP99Switch = "--max-first-5s-p99-ms";

    /// <summary>p99, p99 of the first seconds and error rate of <paramref name="main"/> requests, in that order.</summary>
    public IReadOnlyList<VerdictLine> Judge(RunMeasurements m, RequestKind main)
    {
        string firstSeconds = $"first {RunMeasurements.FirstSecondsWindow.TotalSeconds:0} s p99";
        return
        [
            Latency("p99", MaxP99Ms, MaxP99Switch, m.Latency(main)),
            Latency(firstSeconds, MaxFirstSecondsP99Ms, MaxFirstSecondsP99Switch, m.LatencyInFirstSeconds(main)),
            MaxErrorRate is { } limit
                ? VerdictLine.Judged($"error rate ≤ {Percent(limit, "0.###")} ({MaxErrorRateSwitch})", m.ErrorRate <= limit, Percent(m.ErrorRate, "0.00"))
                : VerdictLine.Reported("error rate", Percent(m.ErrorRate, "0.00")),
        ];
    }

    private static VerdictLine Latency(string name, double? limitMs, string option, LatencyHistogram h)
    {
        long p99 = h.ValueAtPercentile(99);
        string measured = h.TotalCount == 0 ? "no requests" : Figures.Millis(p99);
        if (limitMs is not { } limit) return VerdictLine.Reported(name, measured);
        // An empty window has nothing over the limit, but nothing under it either: it fails.
        bool met = h.TotalCount > 0 && p99 / 1000.0 <= limit;
        return VerdictLine.Judged($"{name} ≤ {limit.ToString("#,0.###", CultureInfo.InvariantCulture)} ms ({option})", met, measured);
    }

    private static string Percent(double fraction, string format) => (fraction * 100).ToString(format, CultureInfo.InvariantCulture) + " %";
}
