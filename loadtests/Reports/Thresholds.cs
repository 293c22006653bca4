using System.Globalization;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.LoadTests.Reports;

/// <summary>
/// Pass/fail limits for a run; a breach (or any invariant violation) makes the exit code non-zero,
/// so the suite can gate a deployment.
/// </summary>
/// <param name="MaxP99Ms">Highest acceptable p99 of the main request kind, in milliseconds; null: no limit.</param>
/// <param name="MaxErrorRate">Highest acceptable share (0–1) of requests that erred; null: no limit.</param>
public sealed record Thresholds(double? MaxP99Ms = null, double? MaxErrorRate = null)
{
    public IReadOnlyList<string> Breaches(LatencyHistogram main, double errorRate)
    {
        var breaches = new List<string>();
        double p99 = main.ValueAtPercentile(99) / 1000.0;
        if (MaxP99Ms is { } maxP99 && p99 > maxP99)
            breaches.Add(string.Create(CultureInfo.InvariantCulture, $"p99 {p99:0.0} ms exceeds --max-p99-ms {maxP99:0.###}"));
        if (MaxErrorRate is { } maxErrors && errorRate > maxErrors)
            breaches.Add(string.Create(CultureInfo.InvariantCulture, $"error rate {errorRate:P2} exceeds --max-error-rate {maxErrors:P2}"));
        return breaches;
    }
}
