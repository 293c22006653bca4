using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Contracts;

/// <summary>One patient's number in one pool. Instants are in the hospital's time zone.</summary>
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
    PaymentView? Payment)
{
    public static ReservationResponse From(Reservation reservation, HospitalTime time, OrleansBooking.Api.Payments.RefundState? refund = null) => new(
        reservation.ReservationId,
        reservation.PoolId,
        reservation.PatientId,
        reservation.SequenceNumber,
        time.ToLocal(reservation.VisitTime),
        reservation.Status,
        time.ToLocal(reservation.CreatedAt),
        reservation.CancelledAt is { } cancelledAt ? time.ToLocal(cancelledAt) : null,
        reservation.CancellationReason,
        PaymentView.Of(reservation, time, refund));
}
