namespace OrleansBooking.Grains.Runtime;

/// <summary>
/// The actor runtime of one process: registers grain classes with their storage, hands out
/// references, and collects idle activations. Knows nothing of what the grains are about.
/// </summary>
public sealed class GrainRuntime : IAsyncDisposable
{
    private readonly Dictionary<Type, GrainKind> kinds = [];
    private readonly GrainRuntimeOptions options;
    private readonly TimeProvider clock;
    private readonly ITimer collectionTimer;
    private int collecting;
    private Task lastTimedCollection = Task.CompletedTask;

    public GrainRuntime(GrainRuntimeOptions options, TimeProvider clock)
    {
        GrainRuntimeOptionsValidator.ThrowIfInvalid(options);
        this.options = options;
        this.clock = clock;
        collectionTimer = clock.CreateTimer(
            static self => ((GrainRuntime)self!).OnCollectionTimer(), this, options.CollectionInterval, options.CollectionInterval);
    }

    public GrainRuntimeOptions Options => options;

    /// <summary>Live activations of every grain class.</summary>
    public int ActivationCount
    {
        get
        {
            lock (kinds) return kinds.Values.Sum(k => k.ActivationCount);
        }
    }

    /// <summary>Registers a grain class. <paramref name="create"/> builds a fresh grain object for each activation.</summary>
    public void Register<TGrain, TState, TChange>(IGrainStorage<TState, TChange> storage, Func<TGrain> create)
        where TGrain : Grain<TState, TChange>
        where TState : class, IGrainState<TChange>
    {
        lock (kinds)
        {
            if (kinds.ContainsKey(typeof(TGrain)))
                throw new InvalidOperationException($"{typeof(TGrain).Name} is registered already.");
            kinds[typeof(TGrain)] = new GrainKind<TGrain, TState, TChange>(storage, create, options, clock);
        }
    }

    public GrainReference<TGrain> GetGrain<TGrain>(string key)
    {
        GrainKind? kind;
        lock (kinds) kinds.TryGetValue(typeof(TGrain), out kind);
        if (kind is not GrainKind<TGrain> typed)
            throw new InvalidOperationException($"{typeof(TGrain).Name} is not registered with the runtime.");
        return new GrainReference<TGrain>(key, typed, options, clock);
    }

    /// <summary>Deactivates every activation unused for <see cref="GrainRuntimeOptions.IdleAge"/> whose writes are done.</summary>
    public async Task<int> CollectIdleActivationsAsync()
    {
        var idleSince = clock.GetUtcNow() - options.IdleAge;
        GrainKind[] all;
        lock (kinds) all = [.. kinds.Values];
        var collected = 0;
        foreach (var kind in all) collected += await kind.CollectIdleAsync(idleSince).ConfigureAwait(false);
        return collected;
    }

    /// <summary>The sweep the collection timer started last; tests await it instead of guessing when it ends.</summary>
    internal Task LastTimedCollection => Volatile.Read(ref lastTimedCollection);

    private void OnCollectionTimer()
    {
        // A slow sweep must not overlap the next tick.
        if (Interlocked.Exchange(ref collecting, 1) == 1) return;
        Volatile.Write(ref lastTimedCollection, CollectOnTimerAsync());
    }

    private async Task CollectOnTimerAsync()
    {
        try
        {
            await CollectIdleActivationsAsync().ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref collecting, 0);
        }
    }

    /// <summary>
    /// Stops collection and waits, at most one call timeout, until every decision already made is
    /// written: a silo that shuts down does not leave callers waiting on writes that never start.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await collectionTimer.DisposeAsync().ConfigureAwait(false);
        GrainKind[] all;
        lock (kinds) all = [.. kinds.Values];
        var drained = Task.WhenAll(all.Select(k => k.DrainAsync()));
        try
        {
            await drained.WaitAsync(options.CallTimeout, clock).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Writes still running past the timeout are left to finish or fail on their own;
            // their callers have timed out already.
        }
    }
}
