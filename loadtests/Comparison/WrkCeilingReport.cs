using System.Globalization;
using OrleansBooking.LoadTests.Reports;

namespace OrleansBooking.LoadTests.Comparison;

/// <summary>compare's ceiling as our generator and as wrk measured it, round by round, the medians, and how they relate.</summary>
public static class WrkCeilingReport
{
    /// <summary>Issue 11 item 3: reservation attempts should reach at least this share of the HTTP ceiling.</summary>
    public const double ReservationTargetShare = 0.5;

    public static ReportTable Table(CeilingRounds rounds, string workload)
    {
        var rows = new List<string[]>();
        foreach (var round in rounds.Rounds)
        {
            var ours = round.Ours;
            rows.Add(new[] { $"{round.Number}", "our generator", Figures.Count(ours.Latency.TotalCount), Figures.Rate(ours.RequestsPerSecond) }
                .Concat(new[] { 50.0, 90, 99 }.Select(p => Figures.Ms(ours.Latency.ValueAtPercentile(p))))
                .Concat([Figures.Ms(ours.Latency.Max), Cpu(ours.CpuSecondsPerThousandRequests), workload]).ToArray());
            if (round.Wrk.Run is { } run)
            {
                var o = run.Output;
                rows.Add([$"{round.Number}", "wrk", Figures.Count(o.Requests), Figures.Rate(o.RequestsPerSecond), Figures.Ms(o.P50Micros),
                    Figures.Ms(o.P90Micros), Figures.Ms(o.P99Micros), Figures.Ms(o.MaxMicros), Cpu(run.CpuSecondsPerThousandRequests),
                    Errors(o, run.CommandLine)]);
            }
            else
            {
                rows.Add([$"{round.Number}", "wrk", "–", "–", "–", "–", "–", "–", "–", round.Wrk.Missing ?? "not run"]);
            }
        }
        rows.Add(Median("our generator", rounds.OursMedian, rounds.OursCpuMedian, rounds.Rounds.Count));
        if (rounds.WrkMedian is { } wrkMedian)
            rows.Add(Median("wrk", wrkMedian, rounds.WrkCpuMedian, rounds.Rounds.Count(r => r.Wrk.Run is not null)));
        if (rounds.Share is { } share)
            rows.Add(["median", "ours / wrk", "–", Percent(share), "–", "–", "–", "–", "–", $"target ≥ {Percent(CeilingRounds.TargetShare)} of wrk's requests/s"]);
        return new ReportTable(
            "HTTP ceiling, our generator and wrk in turn (same silo, warmed first; CPU is each generator's own)",
            ["round", "measured by", "requests", "requests/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "CPU s / 1,000 requests", "load"], rows);
    }

    /// <summary>Issue 11's target for the generator; it informs, it does not fail the run (the service is not at fault).</summary>
    public static VerdictLine Line(CeilingRounds rounds)
    {
        string target = $"our generator ≥ {Percent(CeilingRounds.TargetShare)} of wrk's requests/s on the ceiling (medians of {rounds.Rounds.Count} rounds)";
        return rounds.Share is { } share
            ? VerdictLine.Judged(target, share >= CeilingRounds.TargetShare,
                $"{Percent(share)} ({Figures.Rate(rounds.OursMedian)} vs {Figures.Rate(rounds.WrkMedian!.Value)} requests/s)", gates: false)
            : VerdictLine.Reported(target, $"not measured: {rounds.WrkMissing ?? "wrk did not run"}");
    }

    /// <summary>
    /// Issue 11 item 3: reservation attempts per second (every reserve answered, booked or sold out
    /// or refused) over our generator's median ceiling, both from this run. Informs, does not gate.
    /// </summary>
    public static VerdictLine ReservationLine(LegResult reservations, CeilingRounds rounds)
    {
        string target = $"{reservations.Name} reservation attempts/s ≥ {ReservationTargetShare.ToString("0.0", CultureInfo.InvariantCulture)} × our HTTP ceiling";
        if (rounds.OursMedian <= 0) return VerdictLine.Reported(target, "not measured: the ceiling served nothing");
        double share = reservations.RequestsPerSecond / rounds.OursMedian;
        return VerdictLine.Judged(target, share >= ReservationTargetShare,
            $"{share.ToString("0.00", CultureInfo.InvariantCulture)} ({Figures.Rate(reservations.RequestsPerSecond)} vs {Figures.Rate(rounds.OursMedian)} requests/s)",
            gates: false);
    }

    private static string[] Median(string by, double rate, double? cpu, int of) =>
        ["median", by, "–", Figures.Rate(rate), "–", "–", "–", "–", Cpu(cpu), $"median of {of} rounds"];

    private static string Errors(WrkOutput o, string commandLine) =>
        o.SocketErrors + o.NonSuccessResponses == 0
            ? commandLine
            : $"{commandLine}; {Figures.Count(o.SocketErrors)} socket errors, {Figures.Count(o.NonSuccessResponses)} non-2xx/3xx";

    private static string Cpu(double? secondsPerThousand) =>
        secondsPerThousand is { } s ? s.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
}
