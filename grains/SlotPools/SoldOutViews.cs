using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// This silo's copy of sold-out pools' answers (<see cref="SoldOutView"/>): the booking route
/// answers the crowd after the numbers are gone from here, and asks the pool a few times a second
/// instead of once per request.
/// </summary>
/// <remarks>
/// A pool on this silo forgets its view the moment it decides any change (<see cref="Forget"/>), so
/// here a returned number is offered at once. A pool on another silo cannot reach this copy, which
/// then lasts at most its lease (<see cref="SoldOutView.Lease"/>). A view asked for
/// before a change and arriving after it is dropped: each pool's changes are counted, and a view
/// is kept only if none happened while it was on its way.
/// </remarks>
public sealed class SoldOutViews([FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock)
{
    /// <summary>Pools remembered at once; sold-out pools of one morning are a few hundred.</summary>
    public const int MaxPools = 10_000;

    private readonly ConcurrentDictionary<string, PoolEntry> pools = new(StringComparer.Ordinal);

    /// <summary>True when the pool's view is current and says <paramref name="request"/> is sold out.</summary>
    public bool AnswersSoldOut(string poolId, ReserveRequest request) =>
        pools.TryGetValue(poolId, out var entry) && entry.View is { } view && clock.GetUtcNow() < view.Until && view.View.Answers(request);

    /// <summary>
    /// Asks <paramref name="pool"/> for its view when this silo has no current one and nobody is
    /// asking already. Not awaited by callers: the request that found the pool sold out has its answer.
    /// </summary>
    public async Task RefreshAsync(string poolId, ISlotPoolGrain pool)
    {
        if (!pools.TryGetValue(poolId, out var entry))
        {
            // Counting takes every lock of the dictionary: only when a pool is new here.
            if (pools.Count >= MaxPools) pools.Clear();
            entry = pools.GetOrAdd(poolId, static _ => new PoolEntry());
        }
        if (entry.View is { } current && clock.GetUtcNow() < current.Until) return;
        if (Interlocked.Exchange(ref entry.Asking, 1) == 1) return;
        try
        {
            var changes = Volatile.Read(ref entry.Changes);
            var asked = clock.GetUtcNow();
            var view = await pool.GetSoldOutViewAsync();
            entry.View = view is null ? null : new TimedView(view, asked + view.ValidFor);
            // A change decided while the view was on its way may have made it wrong.
            if (Volatile.Read(ref entry.Changes) != changes) entry.View = null;
        }
        catch (Exception)
        {
            // No view: requests ask the pool, as without one.
            entry.View = null;
        }
        finally
        {
            Volatile.Write(ref entry.Asking, 0);
        }
    }

    /// <summary>Called by a pool of this silo as it decides a change: its view may no longer hold.</summary>
    public void Forget(string poolId)
    {
        if (!pools.TryGetValue(poolId, out var entry)) return;
        Interlocked.Increment(ref entry.Changes);
        entry.View = null;
    }

    private sealed record TimedView(SoldOutView View, DateTimeOffset Until);

    private sealed class PoolEntry
    {
        public volatile TimedView? View;
        public int Asking;
        public int Changes;
    }
}
