namespace OrleansBooking.LoadTests.Waitlist;

/// <summary>What patients do about a sold-out doctor and a number that comes back (<c>rush --waitlist</c>).</summary>
public sealed record WaitlistBehaviour
{
    /// <summary>Share of patients who found every doctor sold out and join their first choice's waitlist. Default 0.5.</summary>
    public double JoinRatio { get; init; } = 0.5;
    /// <summary>Share of booked patients who cancel at a random moment within <see cref="CancelWithin"/>. Default 0.2.</summary>
    public double CancelRatio { get; init; } = 0.2;
    /// <summary>Cancellations fall uniformly within this time after booking: the crowd's minute. Default 60 s.</summary>
    public TimeSpan CancelWithin { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Share of offers declined. Default 0.2.</summary>
    public double DeclineRatio { get; init; } = 0.2;
    /// <summary>Share of offers left to run out (passing to the next patient). Default 0.1.</summary>
    public double LapseRatio { get; init; } = 0.1;
    /// <summary>How long a waiting patient keeps looking at their place. Default 150 s: an offer that lapses after the crowd is passed on and still seen.</summary>
    public TimeSpan WatchFor { get; init; } = TimeSpan.FromSeconds(150);
    /// <summary>How often a waiting patient looks. Default 1 s.</summary>
    public TimeSpan LookEvery { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Given to a started silo as <c>Booking:Waitlist:OfferMinutes</c>. Default 1, its least (whole minutes).</summary>
    public int OfferMinutes { get; init; } = 1;

    public void Validate()
    {
        foreach (var (name, share) in new[] { ("--join-ratio", JoinRatio), ("--waitlist-cancel-ratio", CancelRatio), ("--decline-ratio", DeclineRatio), ("--lapse-ratio", LapseRatio) })
            if (share is < 0 or > 1) throw new ArgumentException($"{name} must be between 0 and 1.");
        if (DeclineRatio + LapseRatio > 1) throw new ArgumentException("--decline-ratio and --lapse-ratio together must not exceed 1.");
        if (CancelWithin < TimeSpan.Zero || WatchFor < TimeSpan.Zero) throw new ArgumentException("--cancel-within and --watch-for must not be negative.");
        if (LookEvery <= TimeSpan.Zero) throw new ArgumentException("--look-every must be positive.");
        if (OfferMinutes is < 1 or > 1440) throw new ArgumentException("--offer-minutes must be between 1 and 1440 (the silo's bounds).");
    }
}
