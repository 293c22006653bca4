namespace OrleansBooking.Grains.SlotPools;

/// <summary>Every answer to moving a reservation along the doctor's day.</summary>
public abstract record ReservationStatusOutcome
{
    /// <summary>
    /// The reservation is in the asked status. <paramref name="Repeated"/>: it was already, nothing
    /// changed (a retried tap is harmless, and must not be counted twice, e.g. as two no-shows).
    /// </summary>
    public sealed record Changed(Reservation Reservation, bool Repeated = false) : ReservationStatusOutcome;

    /// <summary>The move is not in <see cref="ReservationTransitions"/>; nothing changed.</summary>
    public sealed record InvalidTransition(ReservationStatus From, ReservationStatus To) : ReservationStatusOutcome;

    public sealed record ReservationNotFound : ReservationStatusOutcome;
}
