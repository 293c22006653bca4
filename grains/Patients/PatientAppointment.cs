using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>One of a patient's reservations with the session it is for: a row of the appointments read model.</summary>
public sealed record PatientAppointment(
    Reservation Reservation,
    string DoctorId,
    string? DepartmentId,
    DateOnly VisitDate,
    ClinicSession Session);
