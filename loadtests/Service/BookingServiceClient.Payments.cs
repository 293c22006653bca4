using System.Globalization;
using OrleansBooking.LoadTests.Service.Transport;

namespace OrleansBooking.LoadTests.Service;

/// <summary>Paying for a held number as the patient's app and the sandbox's hosted pay page do it, and the admin's reconciliation.</summary>
public sealed partial class BookingServiceClient
{
    /// <summary>The patient's account opens (or reads again) the payment of a hold.</summary>
    public Task<ServiceCall<OpenedPayment>> OpenPaymentAsync(string reservationId, BearerToken? patient, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Post, $"api/reservations/{Uri.EscapeDataString(reservationId)}/payment", patient),
            PaymentJson.Default.OpenedPayment, ct);

    /// <summary>The sandbox pay page's pay (<paramref name="pay"/>) or fail button; like a gateway's checkout it needs no account.</summary>
    public Task<ServiceCall<SandboxPaymentState>> SettleSandboxPaymentAsync(string providerPaymentId, bool pay, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Post, $"api/sandbox-pay/{Uri.EscapeDataString(providerPaymentId)}/{(pay ? "pay" : "fail")}"),
            PaymentJson.Default.SandboxPaymentState, ct);

    public Task<ServiceCall<ReconciliationDay>> GetReconciliationAsync(DateOnly day, BearerToken? admin, CancellationToken ct) =>
        SendAsync(new ServiceRequest(Get,
                $"api/admin/payments/reconciliation?date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", admin),
            PaymentJson.Default.ReconciliationDay, ct);
}
