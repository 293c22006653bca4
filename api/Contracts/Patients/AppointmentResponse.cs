using System.Globalization;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Contracts.Patients;

/// <summary>
/// One of a patient's appointments: the reservation and the session it is for. Instants in the hospital's zone;
/// <see cref="CancellableUntil"/> and <see cref="Cancellable"/> as on the booking's own answer (<see cref="CancellationWindow"/>).
/// </summary>
public sealed record AppointmentResponse(
    string ReservationId,
    string PoolId,
    string DoctorId,
    string? DepartmentId,
    string Date,
    ClinicSession Session,
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
    public static AppointmentResponse From(PatientAppointment appointment, HospitalTime time, OrleansBooking.Api.Payments.RefundState? refund = null)
    {
        var reservation = appointment.Reservation;
        var cancellation = CancellationWindow.Of(reservation, time);
        return new AppointmentResponse(
            reservation.ReservationId,
            reservation.PoolId,
            appointment.DoctorId,
            appointment.DepartmentId,
            appointment.VisitDate.ToString(WireFormats.Date, CultureInfo.InvariantCulture),
            appointment.Session,
            reservation.SequenceNumber,
            time.ToLocal(reservation.VisitTime),
            reservation.Status,
            time.ToLocal(reservation.CreatedAt),
            reservation.CancelledAt is { } at ? time.ToLocal(at) : null,
            reservation.CancellationReason,
            PaymentView.Of(reservation, time, refund),
            cancellation.Until,
            cancellation.Open);
    }
}
