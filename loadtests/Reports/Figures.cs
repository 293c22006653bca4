using System.Globalization;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.LoadTests.Reports;

/// <summary>Number formatting shared by every report, invariant so reports diff cleanly across machines.</summary>
public static class Figures
{
    public static readonly double[] Percentiles = [50, 90, 99, 99.9];

    public static string Ms(long micros) => (micros / 1000.0).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A latency to read at a glance: "2,361 ms", "25.3 ms", "0.30 ms".</summary>
    public static string Millis(long micros)
    {
        double ms = micros / 1000.0;
        string format = ms >= 100 ? "N0" : ms >= 10 ? "0.0" : "0.00";
        return ms.ToString(format, CultureInfo.InvariantCulture) + " ms";
    }

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    public static string Share(double fraction) => fraction.ToString("P2", CultureInfo.InvariantCulture);

    /// <summary>p50, p90, p99, p99.9 and max of <paramref name="h"/>, in milliseconds.</summary>
    public static string[] LatencyCells(LatencyHistogram h) =>
        Percentiles.Select(p => Ms(h.ValueAtPercentile(p))).Append(Ms(h.Max)).ToArray();

    public static string Kind(RequestKind kind) => kind.ToString().ToLowerInvariant();
}
