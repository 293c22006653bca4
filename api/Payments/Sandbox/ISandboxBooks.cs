namespace OrleansBooking.Api.Payments.Sandbox;

/// <summary>
/// The sandbox provider's own books (tables sandbox_payments, sandbox_refunds): what a real
/// gateway keeps on its side, kept in the service's database only because the sandbox runs in the silo.
/// </summary>
public interface ISandboxBooks
{
    /// <summary>Stores <paramref name="payment"/> unless the merchant payment id has one; returns the one stored.</summary>
    Task<SandboxPayment> OpenAsync(SandboxPayment payment, CancellationToken cancellationToken);

    Task<SandboxPayment?> FindAsync(string providerPaymentId, CancellationToken cancellationToken);

    /// <summary>
    /// The patient paid (or the attempt failed): an open or failed payment takes the new status and
    /// event id; a paid one stays paid. Returns the payment as stored after.
    /// </summary>
    Task<SandboxPayment?> SettleAsync(string providerPaymentId, string status, string eventId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The service answered the callback of <paramref name="eventId"/>: the sandbox stops sending it.</summary>
    Task AcknowledgeAsync(string providerPaymentId, string eventId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Settled payments whose latest callback the service has not acknowledged.</summary>
    Task<IReadOnlyList<SandboxPayment>> UnacknowledgedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Records a refund once per merchant refund id; returns the provider's refund id, or null when it would refund more than was paid.</summary>
    Task<string?> RefundAsync(string merchantRefundId, string providerPaymentId, long amountFen, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Paid payments with paid_at in [from, to).</summary>
    Task<IReadOnlyList<SandboxPayment>> ListPaidAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

public static class SandboxStatuses
{
    public const string Open = "open";
    public const string Failed = "failed";
    public const string Paid = "paid";
}

public sealed record SandboxPayment(
    string ProviderPaymentId,
    string MerchantPaymentId,
    long AmountFen,
    string Currency,
    string Description,
    string Status,
    string? EventId,
    DateTimeOffset ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? AcknowledgedAt,
    long RefundedFen);
