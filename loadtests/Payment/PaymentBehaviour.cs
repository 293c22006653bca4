namespace OrleansBooking.LoadTests.Payment;

/// <summary>What a patient holding a number does about the fee (<c>rush --payment</c>).</summary>
public sealed record PaymentBehaviour
{
    /// <summary>The shortest hold the silo accepts (<c>Booking:Payment:HoldMinutes</c> is whole minutes, at least 1).</summary>
    public const int DefaultHoldMinutes = 1;

    /// <summary>Share of holders who walk away without paying, so their holds run out. Default 0.2.</summary>
    public double AbandonRatio { get; init; } = 0.2;

    /// <summary>Share of holders whose payment fails (a declined card) and who then give up. Default 0.1.</summary>
    public double FailRatio { get; init; } = 0.1;

    /// <summary>How long after the hold a patient opens the payment and presses the button. Default 3 s.</summary>
    public TimeSpan PayAfter { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Given to a started silo as <c>Booking:Payment:HoldMinutes</c>. Default 1, so holds run out within the run.</summary>
    public int HoldMinutes { get; init; } = DefaultHoldMinutes;

    /// <summary>
    /// How long after a hold's expiry the read-back waits: the pool's expiry timer, and the sandbox's
    /// callback resent every 10 s (its default) when the first one was not answered. Default 15 s.
    /// </summary>
    public TimeSpan SettleMargin { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan HoldLength => TimeSpan.FromMinutes(HoldMinutes);

    public void Validate()
    {
        if (AbandonRatio is < 0 or > 1) throw new ArgumentException("--abandon-ratio must be between 0 and 1.");
        if (FailRatio is < 0 or > 1) throw new ArgumentException("--fail-ratio must be between 0 and 1.");
        if (AbandonRatio + FailRatio > 1) throw new ArgumentException("--abandon-ratio and --fail-ratio together must not exceed 1.");
        if (PayAfter < TimeSpan.Zero) throw new ArgumentException("--pay-after must not be negative.");
        if (HoldMinutes is < 1 or > 1440) throw new ArgumentException("--hold-minutes must be between 1 and 1440 (the silo's bounds).");
        if (SettleMargin < TimeSpan.Zero) throw new ArgumentException("--settle-margin must not be negative.");
    }
}
