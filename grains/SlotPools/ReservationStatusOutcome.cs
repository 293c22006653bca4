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

    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReservationStatusOutcome.ReservationNotFound")]
    public sealed record ReservationNotFound : ReservationStatusOutcome;
}
