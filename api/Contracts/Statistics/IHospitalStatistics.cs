namespace OrleansBooking.Api.Contracts.Statistics;

/// <summary>The management figures, read from committed rows. Implemented by the silo's SQL read model.</summary>
public interface IHospitalStatistics
{
    /// <summary>
    /// Figures for pools whose visit date lies in <paramref name="from"/>..<paramref name="to"/>
    /// (inclusive), one row per day, department or doctor. Days come in date order; departments
    /// and doctors busiest first (most booked), which is the ranking.
    /// </summary>
    Task<IReadOnlyList<StatisticsRow>> ReadAsync(
        StatisticsGrouping by, DateOnly from, DateOnly to, DateTimeOffset asOf, CancellationToken cancellationToken);
}

public enum StatisticsGrouping
{
    Day,
    Department,
    Doctor,
}
