namespace OrleansBooking.Api.Payments;

/// <summary>
/// A payment gateway as the service uses it: take a payment for a hold, read the callbacks it
/// sends, give money back, and list what it holds for reconciliation. The built-in one is the
/// <see cref="Sandbox.SandboxProvider"/>; WeChat Pay v3 or Alipay would be others (docs/payment.md).
/// Every call that reaches the gateway throws <see cref="PaymentProviderUnavailableException"/>
/// when it cannot be reached or answers with a fault, so callers can answer 503 and retry.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>The provider's name in settings, stored rows and its callback route (<c>/api/payments/callbacks/{Name}</c>).</summary>
    string Name { get; }

    /// <summary>Opens (or, for a payment id seen before, finds again) a payment; the patient pays at the returned URL.</summary>
    Task<ProviderPayment> CreatePaymentAsync(PaymentOrder order, CancellationToken cancellationToken);

    /// <summary>Checks a callback's signature and freshness over its raw body and reads it; never throws for bad input.</summary>
    CallbackReading ReadCallback(IHeaderDictionary headers, ReadOnlyMemory<byte> body, DateTimeOffset now);

    /// <summary>Gives <see cref="RefundOrder.AmountFen"/> back; the same refund id twice is one refund.</summary>
    Task<ProviderRefund> RefundAsync(RefundOrder order, CancellationToken cancellationToken);

    /// <summary>The payments the provider says were paid in [from, to): its side of the reconciliation.</summary>
    Task<IReadOnlyList<ProviderPaidRecord>> ListPaidAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>What to charge: our payment id (the gateway's out_trade_no), the hold it pays for, until when it may be paid.</summary>
public sealed record PaymentOrder(string PaymentId, string ReservationId, long AmountFen, string Currency, string Description, DateTimeOffset ExpiresAt);

/// <summary>The gateway's id for the payment and the page where the patient pays.</summary>
public sealed record ProviderPayment(string ProviderPaymentId, string PayUrl);

/// <summary>A full refund of one payment; <see cref="RefundId"/> is ours (the gateway's out_refund_no).</summary>
public sealed record RefundOrder(string RefundId, string PaymentId, string ProviderPaymentId, long AmountFen);

/// <summary>The gateway took the refund; <see cref="Confirmed"/> when the money is on its way back (else ask again later).</summary>
public sealed record ProviderRefund(string ProviderRefundId, bool Confirmed);

/// <summary>One payment as the provider's books show it.</summary>
public sealed record ProviderPaidRecord(string PaymentId, string ProviderPaymentId, long AmountFen, DateTimeOffset PaidAt, long RefundedFen);

/// <summary>The provider cannot be reached or answered with a fault; nothing can be said of the call's effect but "retry".</summary>
public sealed class PaymentProviderUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
}
