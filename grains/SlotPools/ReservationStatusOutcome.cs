namespace OrleansBooking.Grains.SlotPools;

/// <summary>Every answer to moving a reservation along the doctor's day.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.ReservationStatusOutcome")]
public abstract record ReservationStatusOutcome
{
    /// <summary>
    /// The reservation is in the asked status. <paramref name="Repeated"/>: it was already, nothing
    /// changed (a retried tap is harmless, and must not be counted twice, e.g. as two no-shows).
    /// </summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReservationStatusOutcome.Changed")]
    public sealed record Changed(Reservation Reservation, bool Repeated = false) : ReservationStatusOutcome;

    /// <summary>The move is not in <see cref="ReservationTransitions"/>; nothing changed.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReservationStatusOutcome.InvalidTransition")]
    public sealed record InvalidTransition(ReservationStatus From, ReservationStatus To) : ReservationStatusOutcome;

    /// <summary>Not yet: a move to <paramref name="To"/> opens at <paramref name="OpensAt"/> (<see cref="DoctorsDayHours"/>); nothing changed.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReservationStatusOutcome.TooEarly")]
    public sealed record TooEarly(ReservationStatus To, DateTimeOffset OpensAt) : ReservationStatusOutcome;

    /// <summary>No longer: the visit day ended at <paramref name="ClosedAt"/>; nothing changed.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReservationStatusOutcome.VisitDayOver")]
    public sealed record VisitDayOver(ReservationStatus To, DateTimeOffset ClosedAt) : ReservationStatusOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReservationStatusOutcome.ReservationNotFound")]
    public sealed record ReservationNotFound : ReservationStatusOutcome;
}
