namespace OrleansBooking.Api.Contracts.Statistics;

/// <summary>Statistics for visit dates <c>From</c>..<c>To</c>, as of the instant they were read.</summary>
public sealed record StatisticsResponse(string From, string To, StatisticsGrouping GroupedBy, DateTimeOffset AsOf, IReadOnlyList<StatisticsRow> Rows);
