namespace OrleansBooking.Grains.Waitlist;

/// <summary>
/// How long a number freed for a waiting patient is held for them, and how many waitlists one
/// patient may be on at once. Bound from configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class WaitlistRules
{
    public const string SectionName = "Booking:Waitlist";
    public const int DefaultOfferMinutes = 30;
    public const int DefaultMaxWaitlistsPerPatient = 3;

    /// <summary>How long an offer holds its number before it passes to the next patient. Default 30 minutes.</summary>
    public int OfferMinutes { get; set; } = DefaultOfferMinutes;

    /// <summary>Waitlists (of sessions still to come) one patient may be on at the same time. Default 3.</summary>
    public int MaxWaitlistsPerPatient { get; set; } = DefaultMaxWaitlistsPerPatient;

    /// <summary>
    /// False when the engine has no waitlist (the conventional comparison engine): set by the host,
    /// not configured; the waitlist routes then answer waitlist_unavailable.
    /// </summary>
    public bool Available { get; set; } = true;

    public TimeSpan OfferLength => TimeSpan.FromMinutes(OfferMinutes);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (OfferMinutes is < 1 or > 24 * 60)
            errors.Add($"{SectionName}:{nameof(OfferMinutes)} must be between 1 and 1440 (was {OfferMinutes}).");
        if (MaxWaitlistsPerPatient is < 1 or > 50)
            errors.Add($"{SectionName}:{nameof(MaxWaitlistsPerPatient)} must be between 1 and 50 (was {MaxWaitlistsPerPatient}).");
        return errors;
    }
}
