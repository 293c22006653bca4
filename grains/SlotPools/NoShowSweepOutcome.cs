namespace OrleansBooking.Grains.SlotPools;

/// <summary>Every answer to the automatic no-show sweep of one pool.</summary>
public abstract record NoShowSweepOutcome
{
    /// <summary>The session is over: <paramref name="NoShows"/> were still only booked and are now no-shows (possibly none).</summary>
    public sealed record Swept(IReadOnlyList<Reservation> NoShows) : NoShowSweepOutcome;

    /// <summary>Too early: the session plus its grace period ends at <paramref name="DueAt"/>.</summary>
    public sealed record NotDue(DateTimeOffset DueAt) : NoShowSweepOutcome;

    public sealed record PoolNotFound : NoShowSweepOutcome;
}
