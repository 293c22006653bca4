namespace OrleansBooking.Grains.SlotPools;

/// <summary>What the pool answers when a payment for one of its holds arrives.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.PayHoldOutcome")]
public abstract record PayHoldOutcome
{
    /// <summary>The number is the patient's. <paramref name="Repeated"/>: it was already paid (a duplicate callback).</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.PayHoldOutcome.Booked")]
    public sealed record Booked(Reservation Reservation, bool Repeated) : PayHoldOutcome;

    /// <summary>Too late: the hold ran out (now or before), the number went back to the pool; the money must be refunded.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.PayHoldOutcome.HoldExpired")]
    public sealed record HoldExpired(Reservation Reservation) : PayHoldOutcome;

    /// <summary>The reservation is no longer waiting for payment (cancelled by the patient or the hospital): refund.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.PayHoldOutcome.NotPayable")]
    public sealed record NotPayable(Reservation Reservation) : PayHoldOutcome;

    /// <summary>The amount paid is not the fee fixed on the hold; nothing changed.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.PayHoldOutcome.AmountMismatch")]
    public sealed record AmountMismatch(long ExpectedFen) : PayHoldOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.PayHoldOutcome.ReservationNotFound")]
    public sealed record ReservationNotFound : PayHoldOutcome;
}
