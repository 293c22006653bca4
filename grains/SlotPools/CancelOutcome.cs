namespace OrleansBooking.Grains.SlotPools;

[GenerateSerializer, Immutable, Alias("OrleansBooking.CancelOutcome")]
public abstract record CancelOutcome
{
    /// <summary>The reservation is cancelled (now, or it was already: cancelling twice is harmless).</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.CancelOutcome.Cancelled")]
    public sealed record Cancelled(Reservation Reservation) : CancelOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.CancelOutcome.CancellationClosed")]
    public sealed record CancellationClosed(DateTimeOffset Deadline) : CancelOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.CancelOutcome.NotCancellable")]
    public sealed record NotCancellable(ReservationStatus Status) : CancelOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.CancelOutcome.ReservationNotFound")]
    public sealed record ReservationNotFound : CancelOutcome;
}
