using OrleansBooking.Api.Contracts.Statistics;

namespace OrleansBooking.Tests.Statistics;

public sealed class StatisticsTallyTests
{
    private static readonly DateTimeOffset Release = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void APoolOnlyCountsAsSoldOutWhenItsBookedNumbersReachTheQuota()
    {
        var full = Figures("full", quota: 2, booked: 2, lastBookedAfter: TimeSpan.FromSeconds(12));
        var short1 = Figures("short", quota: 2, booked: 1, lastBookedAfter: TimeSpan.FromSeconds(3));

        Assert.Equal(12, full.SecondsToSellOut);
        Assert.Null(short1.SecondsToSellOut);
    }

    [Fact]
    public void NumbersNotYetReleasedDoNotLowerTheFillRate()
    {
        var rows = StatisticsTally.Tally(
            [Figures("released", quota: 4, booked: 3), Figures("later", quota: 6, booked: 0) with { ReleaseAt = Release.AddDays(2) }],
            StatisticsGrouping.Doctor, Release.AddDays(1));

        var row = Assert.Single(rows);
        Assert.Equal(4, row.Released);
        Assert.Equal(0.75, row.FillRate);
    }

    [Fact]
    public void TiesInBookedAreRankedByFillRateThenKey()
    {
        var rows = StatisticsTally.Tally(
        [
            Figures("a", quota: 10, booked: 5) with { DepartmentId = "surgery" },
            Figures("b", quota: 5, booked: 5) with { DepartmentId = "eyes" },
            Figures("c", quota: 5, booked: 5) with { DepartmentId = "ears" },
        ], StatisticsGrouping.Department, Release.AddDays(1));

        Assert.Equal(["ears", "eyes", "surgery"], rows.Select(r => r.Key));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Rank));
    }

    private static PoolFigures Figures(string poolId, int quota, int booked, TimeSpan? lastBookedAfter = null) =>
        new(poolId, "dr-li", null, new DateOnly(2026, 12, 10), quota, Release, booked, 0, 0,
            booked == 0 ? null : Release + (lastBookedAfter ?? TimeSpan.FromSeconds(1)));
}
