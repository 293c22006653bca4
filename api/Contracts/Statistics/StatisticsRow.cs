namespace OrleansBooking.Api.Contracts.Statistics;

/// <summary>
/// One day's, department's or doctor's figures.
/// <list type="bullet">
/// <item><c>Released</c>: the quota of pools whose release instant has passed (a stopped clinic's too: its numbers were offered).</item>
/// <item><c>Booked</c>: reservations not cancelled (completed, no-shows and patients still to come all count).</item>
/// <item><c>FillRate</c>: booked ÷ released, 0 when nothing was released.</item>
/// <item><c>SoldOutPools</c>: pools whose booked count reached the quota. Their sell-out instant is the
/// creation of the last reservation still standing, so a pool that sold out, lost a number to a
/// cancellation and sold it again counts from its release to the final sale.</item>
/// </list>
/// </summary>
/// <param name="Key">The date (yyyy-MM-dd), department id or doctor id; null for pools that name no department.</param>
/// <param name="Rank">1 for the group with the most booked numbers (ties share the order of fill rate, then key).</param>
public sealed record StatisticsRow(
    string? Key,
    int Rank,
    int Pools,
    int Released,
    int Booked,
    double FillRate,
    int Cancellations,
    int NoShows,
    int SoldOutPools,
    double? AverageSecondsToSellOut,
    double? FastestSecondsToSellOut);
