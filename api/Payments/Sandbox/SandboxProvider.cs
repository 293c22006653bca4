using System.Globalization;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.Payments.Sandbox;

/// <summary>
/// The built-in provider, which behaves like a real gateway without moving money: it opens a
/// payment on its own books and answers with the URL of its hosted pay page (served by the silo,
/// <c>/sandbox-pay/</c>), signs the callbacks it sends when the patient pays or fails
/// (<see cref="SandboxCallbackSender"/>), and records refunds.
/// </summary>
public sealed class SandboxProvider(ISandboxBooks books, IOptions<SandboxOptions> options, TimeProvider clock) : IPaymentProvider
{
    public const string ProviderName = "sandbox";

    /// <summary>The hosted pay page; the provider's payment id goes in its query.</summary>
    public const string PayPagePath = "/sandbox-pay/";

    public string Name => ProviderName;

    public async Task<ProviderPayment> CreatePaymentAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        var stored = await CallAsync(() => books.OpenAsync(new SandboxPayment(
            "sbx" + Guid.NewGuid().ToString("N"), order.PaymentId, order.AmountFen, order.Currency, order.Description, SandboxStatuses.Open,
            EventId: null, order.ExpiresAt, clock.GetUtcNow(), PaidAt: null, AcknowledgedAt: null, RefundedFen: 0), cancellationToken));
        return new ProviderPayment(stored.ProviderPaymentId, PayPagePath + "?payment=" + stored.ProviderPaymentId);
    }

    public CallbackReading ReadCallback(IHeaderDictionary headers, ReadOnlyMemory<byte> body, DateTimeOffset now)
    {
        var secret = options.Value.Secret;
        if (secret is null
            || !long.TryParse(headers[SandboxSignature.TimestampHeader].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || !SandboxSignature.Verify(secret, timestamp, body.Span, headers[SandboxSignature.SignatureHeader].ToString()))
            return new CallbackReading.Forged();
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if ((now - signedAt).Duration() > options.Value.SignatureTolerance) return new CallbackReading.Stale(signedAt);
        return SandboxCallbackBody.Read(body);
    }

    public async Task<ProviderRefund> RefundAsync(RefundOrder order, CancellationToken cancellationToken)
    {
        var refundId = await CallAsync(() => books.RefundAsync(order.RefundId, order.ProviderPaymentId, order.AmountFen, clock.GetUtcNow(), cancellationToken));
        return refundId is null
            ? throw new PaymentProviderUnavailableException($"The sandbox refused refund {order.RefundId}: more than was paid on {order.ProviderPaymentId}.")
            : new ProviderRefund(refundId, Confirmed: true);
    }

    public async Task<IReadOnlyList<ProviderPaidRecord>> ListPaidAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await CallAsync(() => books.ListPaidAsync(from, to, cancellationToken)))
        .Select(p => new ProviderPaidRecord(p.MerchantPaymentId, p.ProviderPaymentId, p.AmountFen, p.PaidAt!.Value, p.RefundedFen))
        .ToList();

    // The sandbox's books are a database like a gateway is a remote service: when they cannot be
    // reached, the provider is down, and callers answer 503 or try again later.
    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (System.Data.Common.DbException exception)
        {
            throw new PaymentProviderUnavailableException("The sandbox provider's books cannot be reached.", exception);
        }
    }
}
