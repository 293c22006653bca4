namespace OrleansBooking.Api.Contracts.Statistics;

/// <summary>One pool's counts as the read model finds them; the statistics are sums over these.</summary>
public sealed record PoolFigures(
    string PoolId,
    string DoctorId,
    string? DepartmentId,
    DateOnly Date,
    int Quota,
    DateTimeOffset ReleaseAt,
    int Booked,
    int Cancellations,
    int NoShows,
    DateTimeOffset? LastBookedAt)
{
    /// <summary>Seconds from release to the last standing reservation, when the pool is sold out.</summary>
    public double? SecondsToSellOut =>
        Quota > 0 && Booked >= Quota && LastBookedAt is { } last ? Math.Max(0, (last - ReleaseAt).TotalSeconds) : null;
}
