using System.Net;
using System.Text;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.LoadTests.Reports;

/// <summary>report.html: charts of the rush over time and its outcomes, then the same tables as the Markdown.</summary>
public static class HtmlReport
{
    public const string FileName = "report.html";

    private static readonly string[] Palette = ["#2b7bb9", "#3a9d5d", "#d9822b", "#c23b3b", "#7a5fb5", "#888", "#b5a33a", "#3ab5ad"];

    public static void WriteRush(string path, RushResult r, IReadOnlyList<ReportTable> tables)
    {
        var seconds = r.Measurements.Seconds.Summarize();
        var charts = new List<string>
        {
            SvgCharts.Lines("Throughput per second", "seconds since release", "responses/s",
            [
                new("all responses", Palette[0], seconds.Select(s => ((double)s.Second, (double)s.Completed)).ToList()),
                new("reservation attempts", Palette[4], seconds.Select(s => ((double)s.Second, (double)s.Reservations)).ToList()),
                new("2xx", Palette[1], seconds.Select(s => ((double)s.Second, (double)s.Succeeded)).ToList()),
                new("errors", Palette[3], seconds.Select(s => ((double)s.Second, (double)s.Errors)).ToList()),
            ]),
            // Seconds without a response have no latency: they are left out, not drawn as zero.
            SvgCharts.Lines("Latency per second (from intended start), log scale", "seconds since release", "ms",
            [
                new("p99", Palette[3], seconds.Where(s => s.Completed > 0).Select(s => ((double)s.Second, s.P99Micros / 1000.0)).ToList()),
                new("p50", Palette[0], seconds.Where(s => s.Completed > 0).Select(s => ((double)s.Second, s.P50Micros / 1000.0)).ToList()),
            ], logScale: true),
            OutcomeBars(r.Measurements.Outcomes),
        };
        Write(path, $"Release rush {r.RunId}", charts, tables);
    }

    public static void Write(string path, string title, IEnumerable<string> charts, IReadOnlyList<ReportTable> tables)
    {
        var sb = new StringBuilder()
            .Append("<!doctype html><html><head><meta charset='utf-8'><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;margin:24px;max-width:960px}table{border-collapse:collapse;margin:8px 0 24px}")
            .Append("td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}td:not(:first-child){text-align:right}</style></head><body>")
            .Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>");
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
