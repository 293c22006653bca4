using System.Globalization;
using System.Net;
using System.Text;

namespace OrleansBooking.LoadTests.Reports;

/// <summary>
/// One line of a chart: a name, a colour and (x, y) points. A null y is a point with nothing to show
/// (a second without a response has no latency): the line stops there and starts again after it.
/// </summary>
public sealed record ChartLine(string Name, string Colour, IReadOnlyList<(double X, double? Y)> Points);

/// <summary>
/// Plain SVG line and bar charts, written by hand because no charting package restores here and
/// a browser renders SVG with nothing installed.
/// </summary>
public static class SvgCharts
{
    private const int Width = 900, Height = 300, Left = 70, Right = 20, Top = 50, Bottom = 40, LegendY = 34;

    /// <param name="logScale">Logarithmic y axis, for latencies that differ by orders of magnitude between legs.</param>
    public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<ChartLine> lines, bool logScale = false)
    {
        double maxX = Math.Max(1, lines.SelectMany(l => l.Points).Select(p => p.X).DefaultIfEmpty(1).Max());
        // The y axis covers only the points there are: a missing one is not a zero.
        var points = lines.SelectMany(l => l.Points).Where(p => p.Y is not null).Select(p => (p.X, Y: p.Y!.Value)).ToList();
        double rawMaxY = points.Count == 0 ? 1 : points.Max(p => p.Y);
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        string X(double x) => F(Left + x / maxX * plotW);

        // Linear: four equal steps of a round size. Log: one gridline per power of ten.
        var gridlines = new List<double>();
        Func<double, double> scale;
        if (logScale)
        {
            double lowest = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(1e-3, points.Where(p => p.Y > 0).Select(p => p.Y).DefaultIfEmpty(1).Min()))));
            double highest = Math.Pow(10, Math.Ceiling(Math.Log10(Math.Max(lowest * 10, rawMaxY))));
            for (double g = lowest; g <= highest * 1.0001; g *= 10) gridlines.Add(g);
            scale = y => (Math.Log10(Math.Max(y, lowest)) - Math.Log10(lowest)) / (Math.Log10(highest) - Math.Log10(lowest));
        }
        else
        {
            double step = NiceCeiling(rawMaxY / 4);
            for (int i = 0; i <= 4; i++) gridlines.Add(step * i);
            scale = y => y / (step * 4);
        }
        string Y(double y) => F(Top + plotH - scale(y) * plotH);

        var sb = Open(title);
        foreach (double y in gridlines)
        {
            sb.Append($"<line x1='{Left}' x2='{Width - Right}' y1='{Y(y)}' y2='{Y(y)}' stroke='#ddd'/>");
            sb.Append($"<text x='{Left - 6}' y='{Y(y)}' text-anchor='end' dominant-baseline='middle'>{Short(y)}</text>");
        }
        // Whole-second ticks: the series are per second.
        double tickStep = Math.Max(1, Math.Ceiling(maxX / 8));
        for (double x = 0; x <= maxX; x += tickStep)
            sb.Append($"<text x='{X(x)}' y='{Height - Bottom + 16}' text-anchor='middle'>{Short(x)}</text>");
        sb.Append($"<text x='{Left + plotW / 2}' y='{Height - 6}' text-anchor='middle'>{Esc(xLabel)}</text>");
        sb.Append($"<text x='14' y='{Top + plotH / 2}' text-anchor='middle' transform='rotate(-90 14 {F(Top + plotH / 2)})'>{Esc(yLabel)}</text>");
        int legendX = Left + 10;
        foreach (var line in lines)
        {
            foreach (var segment in Segments(line.Points))
            {
                if (segment.Count == 1)
                    // A point between two gaps: a path of one point draws nothing, so a dot shows it.
                    sb.Append($"<circle cx='{X(segment[0].X)}' cy='{Y(segment[0].Y)}' r='2' fill='{line.Colour}'/>");
                else
                    sb.Append($"<path fill='none' stroke='{line.Colour}' stroke-width='1.8' d='M{string.Join(" L", segment.Select(p => $"{X(p.X)},{Y(p.Y)}"))}'/>");
            }
            sb.Append($"<rect x='{legendX}' y='{LegendY - 4}' width='12' height='4' fill='{line.Colour}'/><text x='{legendX + 16}' y='{LegendY}'>{Esc(line.Name)}</text>");
            legendX += 30 + line.Name.Length * 7;
        }
        return Close(sb);
    }

    /// <summary>The runs of points with a y, in order; each missing point ends one.</summary>
    private static List<List<(double X, double Y)>> Segments(IReadOnlyList<(double X, double? Y)> points)
    {
        var segments = new List<List<(double X, double Y)>>();
        List<(double X, double Y)>? current = null;
        foreach (var (x, y) in points)
        {
            if (y is not { } value)
            {
                current = null;
                continue;
            }
            if (current is null) segments.Add(current = []);
            current.Add((x, value));
        }
        return segments;
    }

    public static string Bars(string title, IReadOnlyList<(string Label, double Value, string Colour)> bars)
    {
        int rowH = 22, top = 28, height = top + bars.Count * rowH + 10, labelW = 260;
        double max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var sb = Open(title, height);
        for (int i = 0; i < bars.Count; i++)
        {
            var (label, value, colour) = bars[i];
            double y = top + i * rowH;
            double w = value / max * (Width - labelW - 90);
            sb.Append($"<text x='{labelW - 6}' y='{F(y + 11)}' text-anchor='end' dominant-baseline='middle'>{Esc(label)}</text>");
            sb.Append($"<rect x='{labelW}' y='{F(y + 3)}' width='{F(Math.Max(1, w))}' height='{rowH - 6}' fill='{colour}'/>");
            sb.Append($"<text x='{F(labelW + w + 6)}' y='{F(y + 11)}' dominant-baseline='middle'>{value.ToString(value < 100 ? "0.##" : "N0", CultureInfo.InvariantCulture)}</text>");
        }
        return Close(sb);
    }

    private static StringBuilder Open(string title, int height = Height) => new StringBuilder()
        .Append($"<svg xmlns='http://www.w3.org/2000/svg' width='{Width}' height='{height}' font-family='sans-serif' font-size='11'>")
        .Append($"<text x='{Left}' y='16' font-size='13' font-weight='bold'>{Esc(title)}</text>");

    private static string Close(StringBuilder sb) => sb.Append("</svg>").ToString();

    private static double NiceCeiling(double v)
    {
        if (v <= 0) return 1;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(v)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
            if (step * magnitude >= v) return step * magnitude;
        return 10 * magnitude;
    }

    private static string Short(double v) => v >= 10_000 ? (v / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k" : v.ToString("0.##", CultureInfo.InvariantCulture);
    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
