using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Tests.Fakes;

/// <summary>
/// Grain storage kept in memory as the list of committed changes per key; a read replays them
/// into fresh state. Tests can hold writes open, fail them, or write "from another activation".
/// </summary>
public sealed class InMemoryChangeStorage<TState, TChange>(Func<TState> empty) : IChangeStorage<TState, TChange>
    where TState : ICommittableState<TState, TChange>
{
    private readonly object gate = new();
    private readonly Dictionary<string, (long Version, List<TChange> Changes)> rows = [];
    private readonly List<int> batchSizes = [];
    private TaskCompletionSource? writeGate;
    private Exception? nextWriteFault;
    private int reads;
    private int writesInFlight;
    private int maxWritesInFlight;

    public int Reads => Volatile.Read(ref reads);

    /// <summary>The number of changes in each committed write, in commit order.</summary>
    public IReadOnlyList<int> CommittedBatchSizes
    {
        get
        {
            lock (gate) return [.. batchSizes];
        }
    }

    public int MaxWritesInFlight => Volatile.Read(ref maxWritesInFlight);

    /// <summary>Released once for every write that arrives at a held gate, so a test can wait for it.</summary>
    public SemaphoreSlim WritesAtGate { get; } = new(0);

    /// <summary>Writes wait until <see cref="ReleaseWrites"/>.</summary>
    public void HoldWrites()
    {
        lock (gate) writeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void ReleaseWrites()
    {
        TaskCompletionSource? held;
        lock (gate)
        {
            held = writeGate;
            writeGate = null;
        }
        held?.TrySetResult();
    }

    /// <summary>The next write fails with <paramref name="fault"/> and stores nothing.</summary>
    public void FailNextWrite(Exception fault)
    {
        lock (gate) nextWriteFault = fault;
    }

    /// <summary>Commits changes as if another activation (another silo) had written them.</summary>
    public void WriteBehindTheActivationsBack(string key, params TChange[] changes)
    {
        lock (gate)
        {
            var row = rows.GetValueOrDefault(key, (0, []));
            rows[key] = (row.Version + 1, [.. row.Changes, .. changes]);
        }
    }

    public long VersionOf(string key)
    {
        lock (gate) return rows.TryGetValue(key, out var row) ? row.Version : 0;
    }

    public IReadOnlyList<TChange> CommittedChanges(string key)
    {
        lock (gate) return rows.TryGetValue(key, out var row) ? [.. row.Changes] : [];
    }

    public Task<StoredState<TState>?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref reads);
        lock (gate)
        {
            if (!rows.TryGetValue(key, out var row)) return Task.FromResult<StoredState<TState>?>(null);
            var state = empty();
            foreach (var change in row.Changes) state.Apply(change);
            return Task.FromResult<StoredState<TState>?>(new StoredState<TState>(state, row.Version));
        }
    }

    public async Task WriteAsync(string key, long expectedVersion, IReadOnlyList<TChange> changes, CancellationToken cancellationToken)
    {
        var inFlight = Interlocked.Increment(ref writesInFlight);
        InterlockedMax(ref maxWritesInFlight, inFlight);
        try
        {
            Task? held;
            lock (gate) held = writeGate?.Task;
            if (held is not null)
            {
                WritesAtGate.Release();
                await held;
            }

            lock (gate)
            {
                if (nextWriteFault is { } fault)
                {
                    nextWriteFault = null;
                    throw fault;
                }
                var row = rows.GetValueOrDefault(key, (0, []));
                if (row.Version != expectedVersion) throw new StorageVersionConflictException(key, expectedVersion);
                rows[key] = (expectedVersion + 1, [.. row.Changes, .. changes]);
                batchSizes.Add(changes.Count);
            }
        }
        finally
        {
            Interlocked.Decrement(ref writesInFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
