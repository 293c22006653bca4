namespace OrleansBooking.Grains.Patients;

/// <summary>
/// A durable change to a patient. Rare by design: reservations are not patient changes (they are
/// durable in the pools' rows), so the hot path writes nothing for the patient.
/// </summary>
public abstract record PatientChange;

/// <summary>The patient missed the visit of <paramref name="ReservationId"/>, established at <paramref name="At"/>.</summary>
public sealed record NoShowRecorded(string ReservationId, DateTimeOffset At) : PatientChange;

/// <summary>An admin withdrew the no-show of <paramref name="ReservationId"/>: it was recorded wrongly and never counts.</summary>
public sealed record NoShowWithdrawn(string ReservationId) : PatientChange;

/// <summary>Booking is suspended from <paramref name="From"/> until <paramref name="Until"/>.</summary>
public sealed record BookingSuspended(DateTimeOffset From, DateTimeOffset Until) : PatientChange;

/// <summary>An admin ended the suspension at <paramref name="At"/>.</summary>
public sealed record SuspensionLifted(DateTimeOffset At) : PatientChange;
