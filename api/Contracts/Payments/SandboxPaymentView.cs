using OrleansBooking.Api.Payments.Sandbox;

namespace OrleansBooking.Api.Contracts.Payments;

/// <summary>A sandbox payment as its pay page shows it. <see cref="Acknowledged"/>: the service has answered its latest callback.</summary>
public sealed record SandboxPaymentView(
    string ProviderPaymentId, long AmountFen, string Currency, string Description, string Status, DateTimeOffset ExpiresAt, DateTimeOffset? PaidAt,
    bool Acknowledged)
{
    public static SandboxPaymentView From(SandboxPayment payment, HospitalTime time) => new(
        payment.ProviderPaymentId, payment.AmountFen, payment.Currency, payment.Description, payment.Status, time.ToLocal(payment.ExpiresAt),
        payment.PaidAt is { } at ? time.ToLocal(at) : null, payment.AcknowledgedAt is not null);
}
