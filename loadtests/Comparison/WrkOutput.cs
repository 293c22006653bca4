using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansBooking.LoadTests.Comparison;

/// <summary>
/// What <c>wrk --latency</c> (wrk 4, the Debian package) prints at the end of a run, read back
/// from its text: the request rate, the latency distribution (p50, p75, p90, p99; wrk keeps no
/// other) and the failures it counts. Latencies in microseconds.
/// </summary>
public sealed partial record WrkOutput(
    long Requests, TimeSpan Elapsed, double RequestsPerSecond,
    long MeanMicros, long MaxMicros, long P50Micros, long P75Micros, long P90Micros, long P99Micros,
    long SocketErrors, long NonSuccessResponses)
{
    /// <exception cref="FormatException">A line every wrk --latency run prints is missing; the message names it.</exception>
    public static WrkOutput Parse(string text)
    {
        var summary = Required(SummaryLine(), text, "'N requests in T, B read'");
        var latency = Required(LatencyStatsLine(), text, "'Latency avg stdev max' under 'Thread Stats'");
        var distribution = Required(DistributionBlock(), text, "'Latency Distribution' (was wrk run with --latency?)");
        var percentiles = DistributionLine().Matches(distribution.Groups[1].Value)
            .ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => Micros(m.Groups[2].Value));
        long Percentile(int p) => percentiles.TryGetValue(p, out var v) ? v : throw new FormatException($"wrk output has no {p}% latency line.");
        long socketErrors = SocketErrorsLine().Match(text) is { Success: true } s
            ? Enumerable.Range(1, 4).Sum(i => long.Parse(s.Groups[i].Value, CultureInfo.InvariantCulture))
            : 0;
        long nonSuccess = NonSuccessLine().Match(text) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkOutput(
            long.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture),
            TimeSpan.FromMicroseconds(Micros(summary.Groups[2].Value)),
            double.Parse(Required(RateLine(), text, "'Requests/sec:'").Groups[1].Value, CultureInfo.InvariantCulture),
            Micros(latency.Groups[1].Value), Micros(latency.Groups[3].Value),
            Percentile(50), Percentile(75), Percentile(90), Percentile(99), socketErrors, nonSuccess);
    }

    /// <summary>A wrk time such as <c>812.00us</c>, <c>2.63ms</c>, <c>1.02s</c> or <c>1.50m</c>, in whole microseconds.</summary>
    public static long Micros(string value)
    {
        var m = TimeValue().Match(value);
        if (!m.Success) throw new FormatException($"'{value}' is not a wrk time (a number followed by us, ms, s, m or h).");
        double unit = m.Groups[2].Value switch { "us" => 1, "ms" => 1e3, "s" => 1e6, "m" => 60e6, _ => 3600e6 };
        return (long)Math.Round(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * unit);
    }

    private static Match Required(Regex pattern, string text, string what) =>
        pattern.Match(text) is { Success: true } m ? m : throw new FormatException($"wrk output has no {what} line.");

    private const string Time = @"[\d.]+(?:us|ms|s|m|h)";

    [GeneratedRegex(@"^([\d.]+)(us|ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeValue();

    [GeneratedRegex(@"^\s*(\d+) requests in (" + Time + @"), \S+ read\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^\s*Latency\s+(" + Time + @")\s+(" + Time + @")\s+(" + Time + @")\s+[\d.]+%\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LatencyStatsLine();

    [GeneratedRegex(@"^\s*Latency Distribution\s*$((?:\r?\n\s*\d+%\s+\S+[ \t]*)+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DistributionBlock();

    [GeneratedRegex(@"^\s*(\d+)%\s+(" + Time + @")\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DistributionLine();

    [GeneratedRegex(@"^\s*Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SocketErrorsLine();

    [GeneratedRegex(@"^\s*Non-2xx or 3xx responses: (\d+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RateLine();
}
