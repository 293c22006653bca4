namespace OrleansBooking.Grains.Runtime;

/// <summary>
/// Base of every grain. One instance serves one activation, one turn at a time, so grain code
/// never locks. A turn decides, then calls <see cref="Raise"/> for each state change: the change
/// is applied to memory at once and queued for the activation's next group-commit write. Raise
/// only after every check has passed; a turn that throws after raising keeps its changes.
/// </summary>
public abstract class Grain<TState, TChange>
    where TState : class, IGrainState<TChange>
{
    private Action<TChange>? record;
    private TState? state;

    /// <summary>The key this grain is addressed by.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The stored version of the state: what was loaded, plus one per committed write.</summary>
    protected long CommittedVersion { get; private set; }

    /// <summary>The state as decided so far; may be ahead of what is committed.</summary>
    protected TState State => state ?? throw new InvalidOperationException("State is read before it was loaded.");

    /// <summary>The state of a key nothing was ever stored for.</summary>
    protected abstract TState CreateInitialState(string key);

    /// <summary>Runs after state was loaded or reloaded, before the next turn.</summary>
    protected virtual void OnStateLoaded() { }

    /// <summary>
    /// Runs after a write committed <paramref name="committed"/>. Later changes may already be
    /// decided in <see cref="State"/>, so anything published as "committed" is built from these.
    /// </summary>
    protected virtual void OnCommitted(IReadOnlyList<TChange> committed) { }

    internal TState InitialState(string key) => CreateInitialState(key);

    internal void MarkCommitted(long version, IReadOnlyList<TChange> changes)
    {
        CommittedVersion = version;
        OnCommitted(changes);
    }

    protected void Raise(TChange change)
    {
        var sink = record ?? throw new InvalidOperationException("Raise is only allowed inside a turn.");
        State.Apply(change);
        sink(change);
    }

    internal void Attach(string key, TState loaded, long version, Action<TChange> recorder)
    {
        Key = key;
        state = loaded;
        CommittedVersion = version;
        record = recorder;
        OnStateLoaded();
    }
}
