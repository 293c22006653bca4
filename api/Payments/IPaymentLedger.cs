namespace OrleansBooking.Api.Payments;

/// <summary>
/// The service's own books of money (tables payments, payment_callbacks, refunds): what was asked
/// of the provider, what it told us, and what we owe back. Every write is idempotent on its ids,
/// because providers repeat callbacks and silos die between a decision and its answer.
/// </summary>
public interface IPaymentLedger
{
    Task<StoredPayment?> FindAsync(string paymentId, CancellationToken cancellationToken);

    Task<StoredPayment?> FindForReservationAsync(string reservationId, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="payment"/> unless the reservation has one already; returns the one stored.</summary>
    Task<StoredPayment> OpenAsync(StoredPayment payment, CancellationToken cancellationToken);

    /// <summary>Records the provider's id and pay page of a payment it opened.</summary>
    Task AttachProviderAsync(string paymentId, ProviderPayment provider, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The answer given to a callback already handled (provider + event id), or null.</summary>
    Task<string?> FindCallbackResultAsync(string provider, string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: the callback and the answer we give it, the payment's new state, and the
    /// refund it calls for. When another silo recorded the same event first, nothing is written and
    /// its answer is returned; otherwise <paramref name="handled"/>'s result.
    /// </summary>
    Task<string> RecordCallbackAsync(HandledCallback handled, CancellationToken cancellationToken);

    /// <summary>
    /// A pending refund for every paid payment whose reservation is cancelled (by the patient, the
    /// hospital, a stop-clinic, an expiry before the money came) and has none yet; only
    /// <paramref name="reservationId"/>'s when given. Returns how many were opened.
    /// </summary>
    Task<int> OpenRefundsForCancelledAsync(DateTimeOffset now, string? reservationId, CancellationToken cancellationToken);

    /// <summary>Pending refunds whose next attempt is due, oldest first.</summary>
    Task<IReadOnlyList<DueRefund>> RefundsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    Task ConfirmRefundAsync(string refundId, string providerRefundId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A refund attempt failed: counted, the error kept, tried again at <paramref name="nextAttemptAt"/>. Never given up.</summary>
    Task PostponeRefundAsync(string refundId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>The refunds of these reservations (reservation id → refund).</summary>
    Task<IReadOnlyDictionary<string, RefundState>> RefundsOfAsync(IReadOnlyCollection<string> reservationIds, CancellationToken cancellationToken);

    /// <summary>The service's side of one day's reconciliation (instants in [from, to)).</summary>
    Task<LedgerDay> ReadDayAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

public static class PaymentStatuses
{
    public const string Created = "created";
    public const string Failed = "failed";
    public const string Paid = "paid";
}

public static class RefundStatuses
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
}

/// <summary>One payment row. <see cref="PaidFen"/> is what the provider said was paid (it may differ from the fee).</summary>
public sealed record StoredPayment(
    string PaymentId,
    string ReservationId,
    string PoolId,
    string PatientId,
    string Provider,
    string? ProviderPaymentId,
    string? PayUrl,
    long AmountFen,
    string Currency,
    string Status,
    long? PaidFen,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt);

/// <summary>A callback as stored, what it did to its payment, and the refund it owes (if any).</summary>
public sealed record HandledCallback(
    string Provider, ProviderCallback Callback, string Body, string Result, DateTimeOffset ReceivedAt, bool MarksPaid, bool MarksFailed, string? RefundReason);

public sealed record DueRefund(string RefundId, string PaymentId, string ReservationId, string ProviderPaymentId, long AmountFen, int Attempts);

/// <summary>A refund as the patient sees it.</summary>
public sealed record RefundState(string RefundId, long AmountFen, string Reason, string Status, DateTimeOffset RequestedAt, DateTimeOffset? ConfirmedAt);

/// <summary>What the service's books say about one day.</summary>
public sealed record LedgerDay(
    IReadOnlyList<LedgerPaid> Paid,
    IReadOnlyList<RefundState> Refunds,
    int ExpiredHolds,
    IReadOnlyList<LedgerPaid> PaidNotBooked,
    IReadOnlyList<string> BookedNotPaid);

/// <summary>A payment paid on the day, with where its reservation ended up.</summary>
public sealed record LedgerPaid(string PaymentId, string ReservationId, string? ProviderPaymentId, long PaidFen, DateTimeOffset PaidAt, string ReservationStatus, bool HasRefund);
