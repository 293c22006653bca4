using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansBooking.LoadTests.Service;

// The payment routes of docs/payment.md as the load tester sees them; only the fields it reads.

/// <summary>What <c>POST /api/reservations/{id}/payment</c> answers: how much to pay (fen) and where.</summary>
public sealed record OpenedPayment(string PaymentId, string ReservationId, string Status, long AmountFen, string? PayUrl, DateTimeOffset HoldExpiresAt);

/// <summary>What the sandbox's pay and fail buttons answer; <see cref="Acknowledged"/>: the service has answered the callback already.</summary>
public sealed record SandboxPaymentState(string ProviderPaymentId, long AmountFen, string Status, bool Acknowledged);

/// <summary>One hospital day of <c>GET /api/admin/payments/reconciliation</c>.</summary>
public sealed record ReconciliationDay(
    string Date, int PaidCount, long PaidFen, int ExpiredHolds, List<ReconciledPayment> Paid, List<ReconciledRefund> Refunds, List<ReconciledMismatch> Mismatches);

public sealed record ReconciledPayment(string PaymentId, string ReservationId, long PaidFen, string ReservationStatus);

/// <summary>A refund opened that day; its id is <c>ref</c> + the payment's id (docs/payment.md), one per payment.</summary>
public sealed record ReconciledRefund(string RefundId, long AmountFen, string Reason, string Status)
{
    public static string IdFor(string paymentId) => "ref" + paymentId;
}

/// <summary>Something the service's books, the pools and the provider disagree on (<c>paid_not_booked</c>, <c>booked_not_paid</c>, …).</summary>
public sealed record ReconciledMismatch(string Kind, string? PaymentId, string? ReservationId, long? AmountFen);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OpenedPayment))]
[JsonSerializable(typeof(SandboxPaymentState))]
[JsonSerializable(typeof(ReconciliationDay))]
public sealed partial class PaymentJson : JsonSerializerContext;
