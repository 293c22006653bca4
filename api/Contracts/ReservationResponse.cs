using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Contracts;

/// <summary>
/// One patient's number in one pool. Instants are in the hospital's time zone. <see cref="CancellableUntil"/>
/// is the last instant the patient may cancel (null once the status can no longer be cancelled), and
/// <see cref="Cancellable"/> whether that is still ahead: a same-day booking says false from the start.
/// </summary>
public sealed record ReservationResponse(
    string ReservationId,
    string PoolId,
    string PatientId,
    int SequenceNumber,
    DateTimeOffset VisitTime,
    ReservationStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt,
    CancellationReason? CancellationReason,
    PaymentView? Payment,
    DateTimeOffset? CancellableUntil,
    bool Cancellable)
{
    public static ReservationResponse From(Reservation reservation, HospitalTime time, OrleansBooking.Api.Payments.RefundState? refund = null)
    {
        var cancellation = CancellationWindow.Of(reservation, time);
        return new(
            reservation.ReservationId,
            reservation.PoolId,
            reservation.PatientId,
            reservation.SequenceNumber,
            time.ToLocal(reservation.VisitTime),
            reservation.Status,
            time.ToLocal(reservation.CreatedAt),
            reservation.CancelledAt is { } cancelledAt ? time.ToLocal(cancelledAt) : null,
            reservation.CancellationReason,
            PaymentView.Of(reservation, time, refund),
            cancellation.Until,
            cancellation.Open);
    }
}
