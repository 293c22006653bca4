namespace OrleansBooking.Api.Payments;

/// <summary>A callback whose signature was good: the gateway says payment <see cref="PaymentId"/> was paid or failed.</summary>
public sealed record ProviderCallback(
    string EventId, string PaymentId, string ProviderPaymentId, CallbackKind Kind, long AmountFen, string Currency, DateTimeOffset OccurredAt);

public enum CallbackKind
{
    Paid,
    Failed,
}

/// <summary>What reading a callback found: a good one, or why it is refused.</summary>
public abstract record CallbackReading
{
    public sealed record Verified(ProviderCallback Callback) : CallbackReading;

    /// <summary>No signature, a wrong one, or one made with another secret: not from our provider.</summary>
    public sealed record Forged : CallbackReading;

    /// <summary>Signed, but its timestamp is outside the tolerance: a replay, or a clock far off.</summary>
    public sealed record Stale(DateTimeOffset SignedAt) : CallbackReading;

    /// <summary>Signed, but the body is not a callback we can read.</summary>
    public sealed record Unreadable(string Reason) : CallbackReading;
}
