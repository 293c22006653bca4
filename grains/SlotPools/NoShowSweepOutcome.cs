namespace OrleansBooking.Grains.SlotPools;

/// <summary>Every answer to the automatic no-show sweep of one pool.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.NoShowSweepOutcome")]
public abstract record NoShowSweepOutcome
{
    /// <summary>The session is over: <paramref name="NoShows"/> were still only booked and are now no-shows (possibly none).</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.NoShowSweepOutcome.Swept")]
    public sealed record Swept(IReadOnlyList<Reservation> NoShows) : NoShowSweepOutcome;

    /// <summary>Too early: the session plus its grace period ends at <paramref name="DueAt"/>.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.NoShowSweepOutcome.NotDue")]
    public sealed record NotDue(DateTimeOffset DueAt) : NoShowSweepOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.NoShowSweepOutcome.PoolNotFound")]
    public sealed record PoolNotFound : NoShowSweepOutcome;
}
