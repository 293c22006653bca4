namespace OrleansBooking.LoadTests.Reports;

/// <summary>Writes every report of a rush: console summary, report.md, report.html and the CSV files.</summary>
public static class RushReports
{
    public const string MarkdownFile = "report.md";

    /// <returns>The folder the files were written to.</returns>
    public static string Write(RushResult result, IReadOnlyList<string> breaches, string outRoot, TextWriter console)
    {
        var tables = RushSummary.Tables(result, breaches);
        foreach (var table in tables) console.WriteLine(table.ToConsole());

        string folder = ReportFolder.Create(outRoot, result.RunId);
        File.WriteAllText(Path.Combine(folder, MarkdownFile),
            $"# Release rush {result.RunId}\n\nCharts: [report.html](report.html). Raw figures: seconds.csv, outcomes.csv, acknowledgements.csv.\n\n"
            + string.Concat(tables.Select(t => t.ToMarkdown())));
        HtmlReport.WriteRush(Path.Combine(folder, HtmlReport.FileName), result, tables);
        CsvFiles.WriteAll(folder, result);
        console.WriteLine($"Reports: {folder}");
        return folder;
    }
}
