namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// Told once a pool's draw is durable, so each entrant's limits learn the number won (or that the
/// place their entry held is free). Called from the pool's turn: an implementation must not wait
/// on anyone (it sends one-way messages), or a pool could end up waiting on a patient waiting on it.
/// </summary>
public interface IDrawListener
{
    void EntrantsDrawn(PoolDefinition pool, IReadOnlyList<DrawnEntrant> entrants);
}

/// <summary>One entrant after the draw: the reservation won, or null when not drawn.</summary>
public sealed record DrawnEntrant(string PatientId, Reservation? Won);

/// <summary>The listener where nothing holds limits (a pool without patients, the benchmarks): it does nothing.</summary>
public sealed class IgnoreDraws : IDrawListener
{
    public void EntrantsDrawn(PoolDefinition pool, IReadOnlyList<DrawnEntrant> entrants) { }
}
