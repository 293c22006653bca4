using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Contracts;

/// <summary>
/// What a reservation held for payment owes: the fee in fen fixed at hold time, until when the
/// number is held, and when it was paid. Null on a reservation that never needed payment
/// (<c>Booking:Payment:Mode</c> none, a free clinic, or no fee).
/// </summary>
public sealed record PaymentView(long FeeFen, string Currency, DateTimeOffset HoldExpiresAt, DateTimeOffset? PaidAt, RefundView? Refund = null)
{
    public const string Yuan = "CNY";

    public static PaymentView? Of(Reservation reservation, HospitalTime time, OrleansBooking.Api.Payments.RefundState? refund = null) =>
        reservation is { HoldExpiresAt: { } expiresAt, FeeFen: { } fee }
            ? new PaymentView(fee, Yuan, time.ToLocal(expiresAt), reservation.PaidAt is { } paidAt ? time.ToLocal(paidAt) : null,
                RefundView.Of(refund, time))
            : null;
}
