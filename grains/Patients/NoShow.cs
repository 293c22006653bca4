namespace OrleansBooking.Grains.Patients;

/// <summary>A missed visit: which reservation, and when the miss was established.</summary>
public sealed record NoShow(string ReservationId, DateTimeOffset At);
