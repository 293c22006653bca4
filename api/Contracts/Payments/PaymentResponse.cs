using OrleansBooking.Api.Payments;

namespace OrleansBooking.Api.Contracts.Payments;

/// <summary>A payment for a hold: where the patient pays, how much (fen), and until when the number is held.</summary>
public sealed record PaymentResponse(
    string PaymentId, string ReservationId, string Status, long AmountFen, string Currency, string? PayUrl,
    DateTimeOffset HoldExpiresAt, DateTimeOffset? PaidAt)
{
    public static PaymentResponse From(StoredPayment payment, DateTimeOffset holdExpiresAt, HospitalTime time) => new(
        payment.PaymentId, payment.ReservationId, payment.Status, payment.AmountFen, payment.Currency, payment.PayUrl,
        time.ToLocal(holdExpiresAt), payment.PaidAt is { } at ? time.ToLocal(at) : null);
}

/// <summary>What the callback route answers the provider: what the payment did (see <see cref="CallbackResults"/>).</summary>
public sealed record CallbackAnswer(string Result, string PaymentId);
