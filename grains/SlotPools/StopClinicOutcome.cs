namespace OrleansBooking.Grains.SlotPools;

/// <summary>Every answer to stopping a clinic (cancelling the session).</summary>
public abstract record StopClinicOutcome
{
    /// <summary>The pool is cancelled; <paramref name="Cancelled"/> are the reservations it released, each with a queued notice.</summary>
    public sealed record Stopped(SlotPoolSnapshot Pool, IReadOnlyList<Reservation> Cancelled) : StopClinicOutcome;

    /// <summary>A stopped clinic stays stopped; its patients were told the first time.</summary>
    public sealed record AlreadyStopped : StopClinicOutcome;

    public sealed record PoolNotFound : StopClinicOutcome;
}
