using System.Globalization;
using OrleansBooking.LoadTests.Reports;

namespace OrleansBooking.LoadTests.Comparison;

/// <summary>compare.md, compare.csv and compare.html: the legs side by side and the ratios between them.</summary>
public static class CompareReport
{
    /// <summary>wrk's own output of every round, as printed, beside the report.</summary>
    public const string WrkOutputFile = "wrk.txt";

    /// <param name="ceiling">The ceiling's rounds, ours and wrk's in turn; null when the ceiling leg did not run.</param>
    public static IReadOnlyList<ReportTable> Tables(IReadOnlyList<LegResult> legs, string workload, CeilingRounds? ceiling = null)
    {
        var main = new ReportTable($"Side by side ({workload})",
            ["leg", "requests", "requests/s", "2xx/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "errors", "late", "violations"],
            legs.Select(l => new[]
            {
                l.Name, Figures.Count(l.Latency.TotalCount), Figures.Rate(l.RequestsPerSecond), Figures.Rate(l.SucceededPerSecond),
            }.Concat(Figures.LatencyCells(l.Latency)).Concat(
            [
                Figures.Share(l.Measurements.ErrorRate), Figures.Count(l.Measurements.Arrivals.Late),
                l.Verification is null ? "–" : Figures.Count(l.Verification.Violations.Count),
            ]).ToArray()).ToList());

        var ratios = new List<string[]>();
        var byName = legs.ToDictionary(l => l.Name);
        void Ratio(string a, string b, string what, Func<LegResult, double> f)
        {
            if (byName.TryGetValue(a, out var x) && byName.TryGetValue(b, out var y) && f(y) > 0)
                ratios.Add([$"{a} / {b}", what, (f(x) / f(y)).ToString("0.00", CultureInfo.InvariantCulture) + "×"]);
        }
        Ratio("actor", "conventional", "2xx/s (reservations made)", l => l.SucceededPerSecond);
        Ratio("actor", "conventional", "requests/s", l => l.RequestsPerSecond);
        Ratio("conventional", "actor", "p99", l => l.Latency.ValueAtPercentile(99));
        Ratio("actor", "ceiling", "requests/s", l => l.RequestsPerSecond);
        Ratio("conventional", "ceiling", "requests/s", l => l.RequestsPerSecond);
        var tables = new List<ReportTable> { main };
        if (ceiling is not null) tables.Add(WrkCeilingReport.Table(ceiling, workload));
        var soldOut = legs.Where(l => l.SoldOut).Select(l => new[] { l.Name, "every number was booked before the leg ended: 2xx/s understates it; raise --numbers" }).ToList();
        if (soldOut.Count > 0) tables.Add(new ReportTable("Warnings", ["leg", "warning"], soldOut));
        if (ratios.Count > 0) tables.Add(new ReportTable("Ratios", ["legs", "measure", "ratio"], ratios));
        foreach (var l in legs.Where(l => l.Verification is { Passed: false }))
            tables.Add(new ReportTable($"Violations in leg {l.Name}", ["kind", "detail"],
                l.Verification!.Violations.Take(20).Select(v => new[] { v.Kind.ToString(), $"{v.PoolId}: {v.Detail}" }).ToList()));
        return tables;
    }

    /// <param name="verdicts">One per leg: first in the files, last on the console.</param>
    public static void Write(
        string folder, string title, IReadOnlyList<LegResult> legs, string workload, IReadOnlyList<Verdict> verdicts, TextWriter console,
        CeilingRounds? ceiling = null)
    {
        var tables = Tables(legs, workload, ceiling);
        foreach (var t in tables) console.WriteLine(t.ToConsole());
        File.WriteAllText(Path.Combine(folder, "compare.md"),
            $"# {title}\n\n" + string.Concat(verdicts.Select(v => v.ToMarkdown())) + string.Concat(tables.Select(t => t.ToMarkdown())));
        File.WriteAllLines(Path.Combine(folder, "compare.csv"),
            new[] { string.Join(',', tables[0].Header) }.Concat(tables[0].Rows.Select(r => string.Join(',', r.Select(c => c.Replace(",", ""))))));
        var wrkRuns = ceiling?.Rounds.Where(r => r.Wrk.Run is not null).Select(r => $"# round {r.Number}\n$ {r.Wrk.Run!.CommandLine}\n{r.Wrk.Run.Text}").ToList();
        if (wrkRuns is { Count: > 0 }) File.WriteAllText(Path.Combine(folder, WrkOutputFile), string.Join('\n', wrkRuns));
        foreach (var l in legs) CsvFiles.WriteSeconds(Path.Combine(folder, $"seconds-{l.Name}.csv"), l.Measurements.Seconds.Summarize());

        string[] colours = ["#888", "#2b7bb9", "#c23b3b", "#3a9d5d", "#7a5fb5"];
        var charts = new[]
        {
            SvgCharts.Bars("Requests per second", legs.Select((l, i) => (l.Name, l.RequestsPerSecond, colours[i % colours.Length])).ToList()),
            SvgCharts.Bars("p99 latency, ms", legs.Select((l, i) => (l.Name, l.Latency.ValueAtPercentile(99) / 1000.0, colours[i % colours.Length])).ToList()),
            SvgCharts.Lines("Responses per second over time", "seconds", "responses/s",
                legs.Select((l, i) => new ChartLine(l.Name, colours[i % colours.Length],
                    l.Measurements.Seconds.Summarize().Select(s => ((double)s.Second, (double?)s.Completed)).ToList())).ToList()),
            SvgCharts.Lines("p99 per second, ms, log scale", "seconds", "ms",
                legs.Select((l, i) => new ChartLine(l.Name, colours[i % colours.Length],
                    // A second without responses has no p99: the line breaks there.
                    l.Measurements.Seconds.Summarize().Select(s => ((double)s.Second, s.Completed > 0 ? s.P99Micros / 1000.0 : (double?)null)).ToList())).ToList(),
                logScale: true),
        };
        HtmlReport.Write(Path.Combine(folder, "compare.html"), title, charts, tables, verdicts);
        console.WriteLine($"Reports: {folder}");
        foreach (var v in verdicts)
        {
            console.WriteLine();
            console.Write(v.ToConsole());
        }
    }
}
