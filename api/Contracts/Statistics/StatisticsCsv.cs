using System.Globalization;
using System.Text;

namespace OrleansBooking.Api.Contracts.Statistics;

/// <summary>
/// Statistics as CSV (RFC 4180): a header row, comma separators, CRLF line ends, invariant-culture
/// numbers, and empty cells for values that do not exist (no department, never sold out).
/// </summary>
public static class StatisticsCsv
{
    public const string ContentType = "text/csv";

    public static string Write(StatisticsGrouping by, IEnumerable<StatisticsRow> rows)
    {
        var csv = new StringBuilder();
        var key = by switch
        {
            StatisticsGrouping.Day => "date",
            StatisticsGrouping.Department => "department_id",
            _ => "doctor_id",
        };
        csv.Append(key).Append(",rank,pools,released,booked,fill_rate,cancellations,no_shows,sold_out_pools,")
            .Append("average_seconds_to_sell_out,fastest_seconds_to_sell_out\r\n");
        foreach (var row in rows)
        {
            csv.Append(Cell(row.Key)).Append(',')
                .Append(Number(row.Rank)).Append(',')
                .Append(Number(row.Pools)).Append(',')
                .Append(Number(row.Released)).Append(',')
                .Append(Number(row.Booked)).Append(',')
                .Append(Number(row.FillRate)).Append(',')
                .Append(Number(row.Cancellations)).Append(',')
                .Append(Number(row.NoShows)).Append(',')
                .Append(Number(row.SoldOutPools)).Append(',')
                .Append(Number(row.AverageSecondsToSellOut)).Append(',')
                .Append(Number(row.FastestSecondsToSellOut)).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Cell(string? value) => CsvCells.Text(value);
}
