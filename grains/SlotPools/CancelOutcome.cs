namespace OrleansBooking.Grains.SlotPools;

public abstract record CancelOutcome
{
    /// <summary>The reservation is cancelled (now, or it was already: cancelling twice is harmless).</summary>
    public sealed record Cancelled(Reservation Reservation) : CancelOutcome;

    public sealed record CancellationClosed(DateTimeOffset Deadline) : CancelOutcome;

    public sealed record NotCancellable(ReservationStatus Status) : CancelOutcome;

    public sealed record ReservationNotFound : CancelOutcome;
}
