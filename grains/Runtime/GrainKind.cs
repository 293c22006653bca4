using System.Collections.Concurrent;

namespace OrleansBooking.Grains.Runtime;

/// <summary>Everything the runtime keeps for one grain class, whatever its state and change types.</summary>
internal abstract class GrainKind
{
    public abstract int ActivationCount { get; }

    public abstract Task<int> CollectIdleAsync(DateTimeOffset idleSince);

    /// <summary>Waits until every activation's decisions so far are written.</summary>
    public abstract Task DrainAsync();
}

/// <summary>The directory of one grain class: at most one activation per key in this process.</summary>
internal abstract class GrainKind<TGrain> : GrainKind
{
    public abstract IActivation<TGrain> GetOrActivate(string key);

    public abstract IActivation<TGrain>? Find(string key);

    public abstract void Forget(string key, IActivation<TGrain> activation);
}

internal sealed class GrainKind<TGrain, TState, TChange>(
    IGrainStorage<TState, TChange> storage,
    Func<TGrain> create,
    GrainRuntimeOptions options,
    TimeProvider clock) : GrainKind<TGrain>
    where TGrain : Grain<TState, TChange>
    where TState : class, IGrainState<TChange>
{
    private readonly ConcurrentDictionary<string, IActivation<TGrain>> directory = new(StringComparer.Ordinal);

    public override int ActivationCount => directory.Count;

    public override IActivation<TGrain> GetOrActivate(string key)
    {
        if (directory.TryGetValue(key, out var existing)) return existing;
        // GetOrAdd may build an activation that loses the race; it is never posted to, so it
        // never loads and is simply dropped: still only one activation per key runs.
        return directory.GetOrAdd(key, k => new Activation<TGrain, TState, TChange>(k, create(), storage, options, clock));
    }

    public override IActivation<TGrain>? Find(string key) => directory.GetValueOrDefault(key);

    public override void Forget(string key, IActivation<TGrain> activation) =>
        directory.TryRemove(new KeyValuePair<string, IActivation<TGrain>>(key, activation));

    public override Task DrainAsync() => Task.WhenAll(directory.Values.Select(a => a.DrainAsync()));

    public override async Task<int> CollectIdleAsync(DateTimeOffset idleSince)
    {
        var collected = 0;
        foreach (var (key, activation) in directory)
        {
            if (activation.LastUsed > idleSince) continue;
            if (!await activation.TryDeactivateIfIdleAsync(idleSince).ConfigureAwait(false)) continue;
            Forget(key, activation);
            collected++;
        }
        return collected;
    }
}
