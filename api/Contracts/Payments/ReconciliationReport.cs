namespace OrleansBooking.Api.Contracts.Payments;

/// <summary>
/// One hospital day's money (the day in the hospital's zone): payments taken, refunds, holds that
/// ran out, and every mismatch between the service's books, the pools and the provider's books.
/// </summary>
public sealed record ReconciliationReport(
    string Date,
    DateTimeOffset From,
    DateTimeOffset To,
    string Provider,
    int PaidCount,
    long PaidFen,
    int RefundCount,
    long RefundFen,
    int RefundsPending,
    int ExpiredHolds,
    IReadOnlyList<ReconciliationPayment> Paid,
    IReadOnlyList<ReconciliationRefund> Refunds,
    IReadOnlyList<ReconciliationMismatch> Mismatches);

public sealed record ReconciliationPayment(string PaymentId, string ReservationId, string? ProviderPaymentId, long PaidFen, DateTimeOffset PaidAt, string ReservationStatus);

public sealed record ReconciliationRefund(string RefundId, long AmountFen, string Reason, string Status, DateTimeOffset RequestedAt, DateTimeOffset? ConfirmedAt);

/// <summary>Something that does not add up; <see cref="Kind"/> is one of <see cref="MismatchKinds"/>.</summary>
public sealed record ReconciliationMismatch(string Kind, string? PaymentId, string? ReservationId, string? ProviderPaymentId, long? AmountFen);

public static class MismatchKinds
{
    /// <summary>We hold the money, the patient holds no number, and nothing is on its way back.</summary>
    public const string PaidNotBooked = "paid_not_booked";

    /// <summary>The pool booked a number as paid, but no payment of ours says the money came.</summary>
    public const string BookedNotPaid = "booked_not_paid";

    /// <summary>The provider took the money but we never recorded it (a callback lost for good).</summary>
    public const string PaidAtProviderOnly = "paid_at_provider_only";

    /// <summary>We recorded a payment the provider does not show as paid (or shows with another amount).</summary>
    public const string PaidInServiceOnly = "paid_in_service_only";
}
