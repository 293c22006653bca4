using System.Globalization;
using OrleansBooking.LoadTests.Reports;

namespace OrleansBooking.LoadTests.Comparison;

/// <summary>compare's ceiling as our generator and as wrk measured it, side by side, and how they relate.</summary>
public static class WrkCeilingReport
{
    public static ReportTable Table(LegResult ours, WrkCeilingResult wrk, string workload)
    {
        var rows = new List<string[]>
        {
            new[] { "our generator", Figures.Count(ours.Latency.TotalCount), Figures.Rate(ours.RequestsPerSecond) }
                .Concat(new[] { 50.0, 90, 99 }.Select(p => Figures.Ms(ours.Latency.ValueAtPercentile(p))))
                .Concat([Figures.Ms(ours.Latency.Max), Cpu(ours.CpuSecondsPerThousandRequests), workload]).ToArray(),
        };
        if (wrk.Run is { } run)
        {
            var o = run.Output;
            rows.Add(["wrk", Figures.Count(o.Requests), Figures.Rate(o.RequestsPerSecond), Figures.Ms(o.P50Micros), Figures.Ms(o.P90Micros),
                Figures.Ms(o.P99Micros), Figures.Ms(o.MaxMicros), Cpu(run.CpuSecondsPerThousandRequests), Errors(o, run.CommandLine)]);
        }
        else
        {
            rows.Add(["wrk", "–", "–", "–", "–", "–", "–", "–", wrk.Missing ?? "not run"]);
        }
        if (Share(ours, wrk) is { } share)
            rows.Add(["ours / wrk", "–", Percent(share), "–", "–", "–", "–", "–", $"target ≥ {Percent(WrkCeilingResult.TargetShare)} of wrk's requests/s"]);
        return new ReportTable($"HTTP ceiling, our generator beside wrk (same silo, one after the other; CPU is each generator's own)",
            ["measured by", "requests", "requests/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "CPU s / 1,000 requests", "load"], rows);
    }

    /// <summary>Issue 11's target for the generator; it informs, it does not fail the run (the service is not at fault).</summary>
    public static VerdictLine Line(LegResult ours, WrkCeilingResult wrk)
    {
        string target = $"our generator ≥ {Percent(WrkCeilingResult.TargetShare)} of wrk's requests/s on the ceiling";
        return Share(ours, wrk) is { } share
            ? VerdictLine.Judged(target, share >= WrkCeilingResult.TargetShare,
                $"{Percent(share)} ({Figures.Rate(ours.RequestsPerSecond)} vs {Figures.Rate(wrk.Run!.Output.RequestsPerSecond)} requests/s)", gates: false)
            : VerdictLine.Reported(target, $"not measured: {wrk.Missing ?? "wrk did not run"}");
    }

    private static double? Share(LegResult ours, WrkCeilingResult wrk) =>
        wrk.Run is { Output.RequestsPerSecond: > 0 } run ? ours.RequestsPerSecond / run.Output.RequestsPerSecond : null;

    private static string Errors(WrkOutput o, string commandLine) =>
        o.SocketErrors + o.NonSuccessResponses == 0
            ? commandLine
            : $"{commandLine}; {Figures.Count(o.SocketErrors)} socket errors, {Figures.Count(o.NonSuccessResponses)} non-2xx/3xx";

    private static string Cpu(double? secondsPerThousand) =>
        secondsPerThousand is { } s ? s.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
}
