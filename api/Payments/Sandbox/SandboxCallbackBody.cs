using System.Text.Json;

namespace OrleansBooking.Api.Payments.Sandbox;

/// <summary>The JSON the sandbox posts to the callback route (camelCase, as gateways' notify bodies are).</summary>
public sealed record SandboxCallbackBody(
    string EventId, string PaymentId, string ProviderPaymentId, string Status, long AmountFen, string Currency, DateTimeOffset OccurredAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SandboxCallbackBody Of(SandboxPayment payment) => new(
        payment.EventId ?? "", payment.MerchantPaymentId, payment.ProviderPaymentId, payment.Status, payment.AmountFen, payment.Currency,
        payment.PaidAt ?? payment.CreatedAt);

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The callback in <paramref name="body"/>, or the reason it cannot be one.</summary>
    public static CallbackReading Read(ReadOnlyMemory<byte> body)
    {
        SandboxCallbackBody? read;
        try
        {
            read = JsonSerializer.Deserialize<SandboxCallbackBody>(body.Span, Json);
        }
        catch (JsonException)
        {
            return new CallbackReading.Unreadable("The body is not the sandbox's callback JSON.");
        }
        if (read is null || string.IsNullOrEmpty(read.EventId) || string.IsNullOrEmpty(read.PaymentId) || string.IsNullOrEmpty(read.ProviderPaymentId))
            return new CallbackReading.Unreadable("eventId, paymentId and providerPaymentId are required.");
        if (read.AmountFen < 0 || read.Currency is not { Length: 3 })
            return new CallbackReading.Unreadable("amountFen must not be negative and currency must be a three-letter code.");
        CallbackKind? kind = read.Status switch
        {
            SandboxStatuses.Paid => CallbackKind.Paid,
            SandboxStatuses.Failed => CallbackKind.Failed,
            _ => null,
        };
        return kind is { } k
            ? new CallbackReading.Verified(new ProviderCallback(read.EventId, read.PaymentId, read.ProviderPaymentId, k, read.AmountFen, read.Currency, read.OccurredAt))
            : new CallbackReading.Unreadable("status must be paid or failed.");
    }
}
