using OrleansBooking.Api.Contracts.Statistics;

namespace OrleansBooking.Tests.Statistics;

public sealed class StatisticsCsvTests
{
    [Fact]
    public void CsvHasAHeaderCrlfLinesInvariantNumbersAndEmptyCellsForMissingValues()
    {
        var rows = new[]
        {
            new StatisticsRow("cardiology", 1, 2, 7, 5, 0.7143, 1, 1, 1, 45.5, 45),
            new StatisticsRow(null, 2, 1, 0, 0, 0, 0, 0, 0, null, null),
        };

        var csv = StatisticsCsv.Write(StatisticsGrouping.Department, rows);

        Assert.Equal(
            "department_id,rank,pools,released,booked,fill_rate,cancellations,no_shows,sold_out_pools,average_seconds_to_sell_out,fastest_seconds_to_sell_out\r\n" +
            "cardiology,1,2,7,5,0.7143,1,1,1,45.5,45\r\n" +
            ",2,1,0,0,0,0,0,0,,\r\n",
            csv);
    }

    [Fact]
    public void AKeyWithACommaOrQuoteIsQuoted()
    {
        var csv = StatisticsCsv.Write(StatisticsGrouping.Doctor, [new StatisticsRow("dr \"li\", jr", 1, 0, 0, 0, 0, 0, 0, 0, null, null)]);

        Assert.StartsWith("doctor_id,", csv);
        Assert.Contains("\r\n\"dr \"\"li\"\", jr\",1,", csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("dr-li", "dr-li")]
    public void AKeyASpreadsheetWouldRunAsAFormulaIsWrittenAsText(string key, string expectedCell)
    {
        var csv = StatisticsCsv.Write(StatisticsGrouping.Doctor, [new StatisticsRow(key, 1, 0, 0, 0, 0, 0, 0, 0, null, null)]);

        Assert.StartsWith("doctor_id,", csv);
        Assert.Equal(expectedCell, csv.Split("\r\n")[1][..expectedCell.Length]);
        Assert.Equal(',', csv.Split("\r\n")[1][expectedCell.Length]);
    }
}
