using System.Net;
using System.Text;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.LoadTests.Reports;

/// <summary>report.html: the verdict, charts of the rush over time and its outcomes, then the same tables as the Markdown. Opens from the folder with nothing installed.</summary>
public static class HtmlReport
{
    public const string FileName = "report.html";

    private static readonly string[] Palette = ["#2b7bb9", "#3a9d5d", "#d9822b", "#c23b3b", "#7a5fb5", "#888", "#b5a33a", "#3ab5ad"];

    public static void WriteRush(string path, RushResult r, Verdict verdict, IReadOnlyList<ReportTable> tables)
    {
        var seconds = r.Measurements.Seconds.Summarize();
        Write(path, $"Release rush {r.RunId}", RushCharts(seconds, r.Measurements.Outcomes), tables, [verdict]);
    }

    /// <summary>Throughput, latency, requests in flight and outcomes, each per second since the release; then outcome totals.</summary>
    public static IReadOnlyList<string> RushCharts(IReadOnlyList<SecondSummary> seconds, OutcomeTally outcomes)
    {
        static List<(double X, double? Y)> Series(IEnumerable<SecondSummary> rows, Func<SecondSummary, double?> y) =>
            rows.Select(s => ((double)s.Second, y(s))).ToList();
        // Seconds without a response have no latency: the lines break there rather than dip to zero or bridge the gap.
        static Func<SecondSummary, double?> Latency(Func<SecondSummary, long> micros) => s => s.Completed > 0 ? micros(s) / 1000.0 : null;
        return
        [
            SvgCharts.Lines("Throughput per second", "seconds since release", "responses/s",
            [
                new("all responses", Palette[0], Series(seconds, s => s.Completed)),
                new("reservation attempts", Palette[4], Series(seconds, s => s.Reservations)),
            ]),
            SvgCharts.Lines("Latency per second (from intended start), log scale", "seconds since release", "ms",
            [
                new("max", Palette[5], Series(seconds, Latency(s => s.MaxMicros))),
                new("p99", Palette[3], Series(seconds, Latency(s => s.P99Micros))),
                new("p50", Palette[0], Series(seconds, Latency(s => s.P50Micros))),
            ], logScale: true),
            SvgCharts.Lines("Requests in flight at the end of each second", "seconds since release", "requests",
            [
                new("in flight from intended start (waiting in the generator or the service)", Palette[4], Series(seconds, s => s.InFlight)),
            ]),
            SvgCharts.Lines("Outcomes per second", "seconds since release", "responses/s",
            [
                new("2xx", Palette[1], Series(seconds, s => s.Succeeded)),
                new("409 (sold out, already booked, …)", Palette[2], Series(seconds, s => s.Declined)),
                new("503 (shed)", Palette[6], Series(seconds, s => s.Overloaded)),
                new("other errors", Palette[3], Series(seconds, s => s.OtherErrors)),
            ]),
            OutcomeBars(outcomes),
        ];
    }

    /// <param name="verdicts">Shown first, above the charts.</param>
    public static void Write(string path, string title, IEnumerable<string> charts, IReadOnlyList<ReportTable> tables, IEnumerable<Verdict> verdicts)
    {
        var sb = new StringBuilder()
            .Append("<!doctype html><html><head><meta charset='utf-8'><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;margin:24px;max-width:960px}table{border-collapse:collapse;margin:8px 0 24px}")
            .Append("td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}td:not(:first-child){text-align:right}")
            .Append(".verdict li{font-family:monospace;margin:2px 0}.verdict .pass{color:#2a7d46}.verdict .fail{color:#b52a2a;font-weight:bold}</style></head><body>")
            .Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>");
        foreach (var verdict in verdicts) sb.Append(verdict.ToHtml());
        foreach (var chart in charts) sb.Append("<div>").Append(chart).Append("</div>");
        foreach (var table in tables)
        {
            sb.Append("<h2>").Append(WebUtility.HtmlEncode(table.Title)).Append("</h2><table><tr>");
            foreach (var h in table.Header) sb.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
            sb.Append("</tr>");
            foreach (var row in table.Rows)
            {
                sb.Append("<tr>");
                foreach (var c in row) sb.Append("<td>").Append(WebUtility.HtmlEncode(c)).Append("</td>");
                sb.Append("</tr>");
            }
            sb.Append("</table>");
        }
        File.WriteAllText(path, sb.Append("</body></html>").ToString());
    }

    private static string OutcomeBars(OutcomeTally outcomes) =>
        SvgCharts.Bars("Outcomes", outcomes.Snapshot()
            .Select(o => ($"{Figures.Kind(o.Kind)} {o.Outcome}", (double)o.Count,
                o.Outcome.IsSuccess ? Palette[1] : o.Outcome.IsError ? Palette[3] : Palette[2]))
            .ToList());
}
