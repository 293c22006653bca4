using System.Globalization;

namespace OrleansBooking.Api.Contracts.Statistics;

/// <summary>Sums pools into statistics rows. Pure, so the arithmetic is tested without a database.</summary>
public static class StatisticsTally
{
    public static IReadOnlyList<StatisticsRow> Tally(IEnumerable<PoolFigures> pools, StatisticsGrouping by, DateTimeOffset asOf)
    {
        var rows = pools
            .GroupBy(pool => by switch
            {
                StatisticsGrouping.Day => pool.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                StatisticsGrouping.Department => pool.DepartmentId,
                _ => pool.DoctorId,
            })
            .Select(group => Row(group.Key, group.ToList(), asOf))
            .ToList();

        var ranked = rows
            .OrderByDescending(r => r.Booked)
            .ThenByDescending(r => r.FillRate)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select((row, i) => row with { Rank = i + 1 })
            .ToList();
        return by == StatisticsGrouping.Day ? ranked.OrderBy(r => r.Key, StringComparer.Ordinal).ToList() : ranked;
    }

    private static StatisticsRow Row(string? key, List<PoolFigures> pools, DateTimeOffset asOf)
    {
        var released = pools.Where(p => p.ReleaseAt <= asOf).Sum(p => p.Quota);
        var booked = pools.Sum(p => p.Booked);
        var sellOuts = pools.Select(p => p.SecondsToSellOut).OfType<double>().ToList();
        return new StatisticsRow(
            Key: key,
            Rank: 0,
            Pools: pools.Count,
            Released: released,
            Booked: booked,
            FillRate: released == 0 ? 0 : Math.Round((double)booked / released, 4),
            Cancellations: pools.Sum(p => p.Cancellations),
            NoShows: pools.Sum(p => p.NoShows),
            SoldOutPools: sellOuts.Count,
            AverageSecondsToSellOut: sellOuts.Count == 0 ? null : Math.Round(sellOuts.Average(), 3),
            FastestSecondsToSellOut: sellOuts.Count == 0 ? null : sellOuts.Min());
    }
}
