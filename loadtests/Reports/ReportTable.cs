using System.Text;
using System.Text.RegularExpressions;

namespace OrleansBooking.LoadTests.Reports;

/// <summary>A titled table that renders both as Markdown and as aligned console text, so the two never disagree.</summary>
public sealed partial record ReportTable(string Title, string[] Header, IReadOnlyList<string[]> Rows)
{
    public string ToMarkdown()
    {
        var sb = new StringBuilder().Append("## ").AppendLine(Title).AppendLine();
        sb.Append("| ").AppendJoin(" | ", Header).AppendLine(" |");
        var numeric = NumericColumns();
        sb.Append('|').AppendJoin("", Header.Select((_, i) => numeric[i] ? "---:|" : "---|")).AppendLine();
        foreach (var row in Rows) sb.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|"))).AppendLine(" |");
        return sb.AppendLine().ToString();
    }

    public string ToConsole()
    {
        var widths = Header.Select((h, i) => Rows.Select(r => i < r.Length ? r[i].Length : 0).Append(h.Length).Max()).ToArray();
        var numeric = NumericColumns();
        var sb = new StringBuilder().AppendLine(Title);
        void Line(string[] cells) => sb.Append("  ").AppendJoin("  ", cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).AppendLine();
        Line(Header);
        foreach (var row in Rows) Line(row);
        return sb.ToString();
    }

    /// <summary>Figures line up on the right, words on the left.</summary>
    private bool[] NumericColumns() => Header.Select((_, i) => i > 0 && Rows.All(r => i >= r.Length || IsFigure(r[i]))).ToArray();

    /// <summary>A number, maybe with a unit ("1,029", "12.5 ms", "0.00 %", "12.22×"), or a dash for none.</summary>
    private static bool IsFigure(string cell) => cell == "–" || FigurePattern().IsMatch(cell);

    [GeneratedRegex(@"^-?[\d,.]+\s?(%|×|ms|s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FigurePattern();
}
