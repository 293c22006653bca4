using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Contracts.Payments;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Payments;
using OrleansBooking.Api.Payments.Sandbox;
using OrleansBooking.Api.Problems;

namespace OrleansBooking.Api.Apis;

/// <summary>
/// The payment provider's callback: no account, only the provider's signature over the timestamp
/// and the raw body. Every answer is audited (a forged or unknown callback is someone probing).
/// 200 only once what the callback did is durable; a fault answers 503 and the provider sends it again.
/// </summary>
public static class PaymentsApi
{
    private const int MaxCallbackBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/payments").WithTags("Payments").AddEndpointFilter<GrainFaultFilter>()
            .AllowAnonymous().AuditAllOutcomes()
            .MapPost("/callbacks/" + SandboxProvider.ProviderName, ReceiveCallback)
            .WithName(nameof(ReceiveCallback))
            .WithSummary("The payment provider's callback (sandbox)")
            .WithDescription($"Signed with HMAC-SHA256 over the Unix-seconds timestamp ({SandboxSignature.TimestampHeader}), a line feed and the raw "
                + $"body, hex in {SandboxSignature.SignatureHeader}. A payment in time books the number; one after the hold ran out or after a "
                + "cancellation is refunded. The same event again answers the same. 401 forged or stale, 404 unknown payment (both audited).")
            .Accepts<SandboxCallbackBody>("application/json")
            .Produces<CallbackAnswer>(StatusCodes.Status200OK)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status401Unauthorized, PaymentProblems.SignatureInvalid, PaymentProblems.CallbackStale)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, PaymentProblems.PaymentNotFound)
            .ProducesRetryLater();
        return app;
    }

    public static async Task<IResult> ReceiveCallback(
        HttpContext context, IPaymentProvider provider, IPaymentLedger ledger, PaymentCallbacks callbacks, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await ReadBodyAsync(context.Request, cancellationToken) is not { } body)
            return Refused(context, "callback body too large", PaymentProblems.Forged());

        switch (provider.ReadCallback(context.Request.Headers, body, clock.GetUtcNow()))
        {
            case CallbackReading.Forged:
                return Refused(context, "callback signature invalid", PaymentProblems.Forged());
            case CallbackReading.Stale stale:
                return Refused(context, "callback stale", PaymentProblems.Stale(stale.SignedAt));
            case CallbackReading.Unreadable unreadable:
                var errors = new Validation.RequestErrors();
                errors.Add("body", unreadable.Reason);
                return Refused(context, "callback unreadable", BookingProblems.ValidationFailed(errors));
            case CallbackReading.Verified { Callback: var callback }:
                var payment = await ledger.FindAsync(callback.PaymentId, cancellationToken);
                if (payment is null || payment.ProviderPaymentId != callback.ProviderPaymentId || payment.Provider != provider.Name)
                    return Refused(context, "callback for unknown payment", PaymentProblems.UnknownPayment());
                var result = await callbacks.HandleAsync(provider.Name, payment, callback, System.Text.Encoding.UTF8.GetString(body.Span), cancellationToken);
                AuditDetail.Set(context, $"payment {payment.PaymentId} event {Short(callback.EventId)}: {result}");
                return TypedResults.Ok(new CallbackAnswer(result, payment.PaymentId));
            default:
                throw new InvalidOperationException("Unknown callback reading.");
        }
    }

    private static IResult Refused(HttpContext context, string why, IResult answer)
    {
        AuditDetail.Set(context, why);
        return answer;
    }

    private static string Short(string text) => text.Length > 64 ? text[..64] : text;

    /// <summary>The raw bytes as sent (the signature covers them exactly), or null past the limit.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxCallbackBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
