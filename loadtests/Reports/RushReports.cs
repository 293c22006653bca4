namespace OrleansBooking.LoadTests.Reports;

/// <summary>Writes every report of a rush: console summary, report.md, report.html and the CSV files.</summary>
public static class RushReports
{
    public const string MarkdownFile = "report.md";

    /// <returns>The folder the files were written to.</returns>
    /// <remarks>The verdict comes first in the files, to be read at a glance, and last on the console, where it is seen.</remarks>
    public static string Write(RushResult result, Verdict verdict, string outRoot, TextWriter console)
    {
        var tables = RushSummary.Tables(result);
        foreach (var table in tables) console.WriteLine(table.ToConsole());

        string folder = ReportFolder.Create(outRoot, result.RunId);
        File.WriteAllText(Path.Combine(folder, MarkdownFile),
            $"# Release rush {result.RunId}\n\nCharts: [report.html](report.html). Raw figures: seconds.csv, outcomes.csv, acknowledgements.csv.\n\n"
            + verdict.ToMarkdown() + string.Concat(tables.Select(t => t.ToMarkdown())));
        HtmlReport.WriteRush(Path.Combine(folder, HtmlReport.FileName), result, verdict, tables);
        CsvFiles.WriteAll(folder, result);
        console.WriteLine($"Reports: {folder}");
        console.WriteLine();
        console.Write(verdict.ToConsole());
        return folder;
    }
}
