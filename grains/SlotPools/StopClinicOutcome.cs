namespace OrleansBooking.Grains.SlotPools;

/// <summary>Every answer to stopping a clinic (cancelling the session).</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.StopClinicOutcome")]
public abstract record StopClinicOutcome
{
    /// <summary>The pool is cancelled; <paramref name="Cancelled"/> are the reservations it released, each with a queued notice.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.StopClinicOutcome.Stopped")]
    public sealed record Stopped(SlotPoolSnapshot Pool, IReadOnlyList<Reservation> Cancelled) : StopClinicOutcome;

    /// <summary>A stopped clinic stays stopped; its patients were told the first time.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.StopClinicOutcome.AlreadyStopped")]
    public sealed record AlreadyStopped : StopClinicOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.StopClinicOutcome.PoolNotFound")]
    public sealed record PoolNotFound : StopClinicOutcome;
}
