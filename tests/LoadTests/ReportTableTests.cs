using OrleansBooking.LoadTests.Reports;

namespace OrleansBooking.Tests.LoadTests;

public class ReportTableTests
{
    private static readonly ReportTable Outcomes = new("Responses", ["kind", "outcome", "count"],
    [
        ["reserve", "409 sold_out", "195,696"],
        ["reserve", "201", "1,029"],
    ]);

    [Fact]
    public void MarkdownRightAlignsOnlyColumnsOfFigures()
    {
        var markdown = Outcomes.ToMarkdown();

        // "outcome" mixes words and codes, so it stays left-aligned; "count" holds only figures.
        Assert.Contains("|---|---|---:|", markdown);
        Assert.Contains("| reserve | 409 sold_out | 195,696 |", markdown);
    }

    [Fact]
    public void ConsoleColumnsLineUp()
    {
        var lines = Outcomes.ToConsole().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Responses", lines[0]);
        Assert.Equal("  kind     outcome         count", lines[1]);
        Assert.Equal("  reserve  409 sold_out  195,696", lines[2]);
        Assert.Equal("  reserve  201             1,029", lines[3]);
    }

    [Fact]
    public void PipesInCellsAreEscapedInMarkdown()
    {
        var table = new ReportTable("t", ["a", "b"], [["x|y", "1"]]);

        Assert.Contains(@"| x\|y | 1 |", table.ToMarkdown());
    }
}
