namespace OrleansBooking.Api.RateLimiting;

/// <summary>
/// How much one caller may ask: <see cref="Burst"/> requests at once, with the allowance refilling at
/// <see cref="PermitsPerSecond"/>. A token bucket of <see cref="Burst"/> tokens.
/// </summary>
public sealed class RequestAllowance
{
    public const int MaxBurst = 1_000_000;
    // One per about 17 minutes at the least: keeps Burst × refill interval far inside 64-bit ticks.
    public const double MinPermitsPerSecond = 0.001;
    public const double MaxPermitsPerSecond = 1_000_000;

    /// <summary>Requests a caller may make back to back after a quiet spell (the bucket's size).</summary>
    public int Burst { get; set; }

    /// <summary>Requests per second a caller may keep up for ever (the refill rate); fractions allowed, e.g. 0.1666 for one per 6 s.</summary>
    public double PermitsPerSecond { get; set; }
}
