namespace OrleansBooking.Grains.Catalogue;

/// <summary>
/// The catalogue in memory for the browse flood. Reloaded at most once per <c>ttl</c> (so other
/// silos' admin changes show up soon) and at once after a change made through this process
/// (<see cref="Invalidate"/>).
/// </summary>
public sealed class CatalogueDirectory(ICatalogueStore store, TimeProvider clock, TimeSpan ttl)
{
    private readonly SemaphoreSlim reload = new(1, 1);
    private volatile Loaded? current;
    // Bumped by every change made here; a loaded catalogue from an older generation is stale.
    private long generation;

    public async ValueTask<CatalogueSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (current is { } loaded && clock.GetUtcNow() < loaded.Expires && loaded.Generation == Interlocked.Read(ref generation))
            return loaded.Catalogue;
        await reload.WaitAsync(cancellationToken);
        try
        {
            var wanted = Interlocked.Read(ref generation);
            if (current is { } again && clock.GetUtcNow() < again.Expires && again.Generation == wanted) return again.Catalogue;
            var catalogue = await store.LoadAsync(cancellationToken);
            current = new Loaded(catalogue, clock.GetUtcNow() + ttl, wanted);
            return catalogue;
        }
        finally
        {
            reload.Release();
        }
    }

    /// <summary>The next read loads the catalogue afresh.</summary>
    public void Invalidate() => Interlocked.Increment(ref generation);

    private sealed record Loaded(CatalogueSnapshot Catalogue, DateTimeOffset Expires, long Generation);
}
