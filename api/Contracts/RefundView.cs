using OrleansBooking.Api.Payments;

namespace OrleansBooking.Api.Contracts;

/// <summary>Money going back to the patient: pending until the provider confirms it (retried until then, never dropped).</summary>
public sealed record RefundView(string RefundId, long AmountFen, string Reason, string Status, DateTimeOffset RequestedAt, DateTimeOffset? ConfirmedAt)
{
    public static RefundView? Of(RefundState? refund, HospitalTime time) => refund is null
        ? null
        : new RefundView(refund.RefundId, refund.AmountFen, refund.Reason, refund.Status, time.ToLocal(refund.RequestedAt),
            refund.ConfirmedAt is { } at ? time.ToLocal(at) : null);
}
