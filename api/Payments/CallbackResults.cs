namespace OrleansBooking.Api.Payments;

/// <summary>What the service did with a callback: the answer's <c>result</c>, stored with the callback so a duplicate gets it again.</summary>
public static class CallbackResults
{
    /// <summary>Paid in time: the number is the patient's.</summary>
    public const string Booked = "booked";

    /// <summary>Paid, but the number could not be kept (the hold ran out, the reservation was cancelled, the amount was wrong): refunded.</summary>
    public const string Refunded = "refund_pending";

    /// <summary>The patient's payment attempt failed; the hold is kept until it runs out, so they may try again.</summary>
    public const string FailureRecorded = "failure_recorded";

    /// <summary>A failure reported after the payment succeeded (out of order): the payment stays paid.</summary>
    public const string Ignored = "ignored";
}

/// <summary>Why money goes back (refunds.reason).</summary>
public static class RefundReasons
{
    public const string PaidAfterExpiry = "paid_after_expiry";
    public const string PaidAfterCancellation = "paid_after_cancellation";
    public const string WrongAmount = "wrong_amount";
    public const string Cancelled = "cancelled";
}
