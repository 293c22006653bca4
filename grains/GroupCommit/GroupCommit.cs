using Microsoft.Extensions.Logging;

namespace OrleansBooking.Grains.GroupCommit;

/// <summary>
/// Group commit for one grain activation: what Orleans does not give. The grain decides each call
/// synchronously against <see cref="State"/> and <see cref="Raise"/>s its changes; the caller then
/// awaits <see cref="WhenDurableAsync"/> and is answered only once the write holding those changes
/// has committed. One write is in flight at a time; everything decided meanwhile goes into the
/// next one, so a hot grain writes hundreds of changes per transaction.
/// </summary>
/// <remarks>
/// Every member must be used from the grain's own scheduler (Orleans runs one piece of a grain at
/// a time, even when it is reentrant), which is why nothing here locks. The write itself runs on
/// the thread pool, because a storage client may block (SQLite does); its continuation comes back
/// to the grain's scheduler.
/// <para>
/// Two copies of the state are kept: the decided one (<see cref="State"/>, ahead of storage) and
/// the committed one. A failed write restores the committed state synchronously and fails every
/// caller decided on top of it — with an await in between, calls would interleave on state that
/// is about to be undone. A version conflict (another activation wrote) makes the activation
/// <see cref="IsStale"/>: it answers nothing more and the grain deactivates, so the next call
/// reloads what storage really holds.
/// </para>
/// </remarks>
public sealed class GroupCommit<TState, TChange>
    where TState : class, ICommittableState<TState, TChange>
{
    private readonly string key;
    // The grain's kind (a constant): its name, kind/key, is built only for a log line or a fault, not kept per activation.
    private readonly string kind;
    private readonly IChangeStorage<TState, TChange> storage;
    private readonly GrainOptions options;
    private readonly ILogger logger;
    private readonly Action onStale;
    private readonly Action? onRaise;
    // Null until the first change: most activations (a patient's) never write, and an empty list is 32 B each.
    private List<Batch>? unwritten;
    private TState committed;
    private Batch? inFlight;
    private bool writeStarting;
    private int waiting;

    private GroupCommit(
        string key, string kind, StoredState<TState> loaded, IChangeStorage<TState, TChange> storage,
        GrainOptions options, ILogger logger, Action onStale, Action? onRaise)
    {
        this.key = key;
        this.kind = kind;
        this.storage = storage;
        this.options = options;
        this.logger = logger;
        this.onStale = onStale;
        this.onRaise = onRaise;
        committed = loaded.State;
        State = loaded.State.Copy();
        Version = loaded.Version;
    }

    /// <summary>
    /// Loads the grain's state (or <paramref name="initial"/> when nothing is stored). The grain is
    /// named <c><paramref name="kind"/>/<paramref name="key"/></c> in logs and faults (kind: e.g. <c>nameof(PatientGrain)</c>).
    /// <paramref name="onStale"/> runs once another activation is found to have written: the
    /// grain should deactivate (Orleans' <c>DeactivateOnIdle</c>). <paramref name="onRaise"/> runs as
    /// each change is decided, before anyone can read it: for copies of the state kept elsewhere.
    /// </summary>
    public static async Task<GroupCommit<TState, TChange>> LoadAsync(
        string key, string kind, IChangeStorage<TState, TChange> storage, Func<TState> initial,
        GrainOptions options, ILogger logger, Action onStale, Action? onRaise = null)
    {
        StoredState<TState>? stored;
        try
        {
            stored = await Task.Run(() => storage.ReadAsync(key, CancellationToken.None));
        }
        catch (Exception ex) when (ex is not GrainUnavailableException)
        {
            logger.LogWarning(ex, "{Grain} could not load its state", NameOf(kind, key));
            throw new GrainStorageException(NameOf(kind, key), versionConflict: false, ex.Message);
        }
        return new GroupCommit<TState, TChange>(key, kind, stored ?? new StoredState<TState>(initial(), 0), storage, options, logger, onStale, onRaise);
    }

    /// <summary>The state as decided so far; may be ahead of what is committed.</summary>
    public TState State { get; private set; }

    /// <summary>The state as storage holds it after the last write that committed.</summary>
    public TState Committed => committed;

    /// <summary>The stored version: what was loaded, plus one per committed write.</summary>
    public long Version { get; private set; }

    /// <summary>True when a change is decided but not yet committed.</summary>
    public bool HasUncommittedChanges => inFlight is not null || unwritten is { Count: > 0 };

    /// <summary>Another activation wrote: this one must not decide anything more.</summary>
    public bool IsStale { get; private set; }

    private string Name => NameOf(kind, key);

    private Batch? LastUnwritten => unwritten is { Count: > 0 } batches ? batches[^1] : null;

    private static string NameOf(string kind, string key) => $"{kind}/{key}";

    /// <summary>
    /// Call before deciding: throws a retryable fault when this activation is stale, or when so
    /// many callers already wait that a new one would only queue.
    /// </summary>
    public void EnsureCanDecide()
    {
        if (IsStale) throw new GrainStorageException(Name, versionConflict: true, "stale activation");
        if (waiting >= options.MaxWaitingCalls) throw new GrainOverloadedException(Name, options.MaxWaitingCalls);
    }

    /// <summary>
    /// One call: checks the activation may decide, runs <paramref name="decide"/> (synchronous, so
    /// nothing interleaves between its checks and its changes), and answers once what it decided
    /// — and everything decided before it — is durable.
    /// </summary>
    public async Task<TOutcome> DecideAsync<TOutcome>(Func<TOutcome> decide)
    {
        EnsureCanDecide();
        var outcome = decide();
        await WhenDurableAsync();
        return outcome;
    }

    /// <summary>Applies a decided change to <see cref="State"/> at once and queues it for the next write.</summary>
    public void Raise(TChange change)
    {
        if (IsStale) throw new InvalidOperationException($"{Name} is stale; it must not decide.");
        onRaise?.Invoke();
        State.Apply(change);
        var last = LastUnwritten;
        if (last is null || last.Changes.Count >= options.MaxChangesPerWrite) (unwritten ??= []).Add(last = new Batch());
        last.Changes.Add(change);
    }

    /// <summary>
    /// Completes once everything decided so far is committed — so a caller answered after it can
    /// rely on whatever it decided or read — and faults with <see cref="GrainStorageException"/>
    /// when that write failed. Completes at once when nothing is pending.
    /// </summary>
    public Task WhenDurableAsync()
    {
        var latest = LastUnwritten ?? inFlight;
        if (latest is null) return Task.CompletedTask;
        latest.Waiters++;
        waiting++;
        StartWriteIfIdle();
        return latest.Done.Task;
    }

    /// <summary>
    /// Completes once everything decided so far has been written, committed or undone; never faults
    /// and does not count as a waiting call. For a caller that only reads the outcome: it decided
    /// nothing, so it has nothing to be told about a failed write beyond what <see cref="Committed"/>
    /// then says.
    /// </summary>
    public Task WhenSettledAsync()
    {
        var latest = LastUnwritten ?? inFlight;
        if (latest is null) return Task.CompletedTask;
        StartWriteIfIdle();
        return latest.Settled;
    }

    /// <summary>
    /// Completes once nothing decided is left unwritten (committed, or failed and undone). For
    /// deactivation: an activation leaves memory only after its writes finish.
    /// </summary>
    public async Task DrainAsync()
    {
        while (HasUncommittedChanges)
        {
            try
            {
                await WhenDurableAsync();
            }
            catch (GrainStorageException)
            {
                // Undone and reported to its callers; nothing is left to write.
            }
        }
    }

    private void StartWriteIfIdle()
    {
        if (inFlight is not null || writeStarting || unwritten is not { Count: > 0 } || IsStale) return;
        writeStarting = true;
        _ = WriteAfterWaitingCallsAsync();
    }

    /// <summary>
    /// Starts the next write once the calls already waiting for the grain have been decided: the
    /// yield puts the start behind them on the grain's scheduler, so they join this write rather
    /// than the one after. Without it, callers answered together by one commit come back one by
    /// one, and the first of them would go into a write of its own (docs/benchmarks.md has the
    /// hot-pool figures with and without).
    /// </summary>
    private async Task WriteAfterWaitingCallsAsync()
    {
        await Task.Yield();
        writeStarting = false;
        if (inFlight is not null || unwritten is not { Count: > 0 } || IsStale) return;
        inFlight = unwritten[0];
        unwritten.RemoveAt(0);
        await WriteAsync(inFlight);
    }

    private async Task WriteAsync(Batch batch)
    {
        Exception? error = null;
        var started = GroupCommitMetrics.WriteStarting(batch.Changes.Count, waiting);
        try
        {
            var expected = Version;
            await Task.Run(() => storage.WriteAsync(key, expected, batch.Changes, CancellationToken.None));
        }
        catch (Exception ex)
        {
            error = ex;
        }

        // Back on the grain's scheduler.
        GroupCommitMetrics.WriteEnded(started, committed: error is null);
        inFlight = null;
        if (error is null) OnCommitted(batch);
        else OnFailed(batch, error);
        StartWriteIfIdle();
    }

    private void OnCommitted(Batch batch)
    {
        Version++;
        foreach (var change in batch.Changes) committed.Apply(change);
        waiting -= batch.Waiters;
        batch.Done.TrySetResult();
    }

    private void OnFailed(Batch batch, Exception error)
    {
        var conflict = error is StorageVersionConflictException;
        if (conflict) logger.LogInformation("{Grain} lost a write to another activation; it deactivates and reloads", Name);
        else logger.LogWarning(error, "{Grain} could not write {Changes} changes; they are undone", Name, batch.Changes.Count);

        // Everything decided in and after the failed batch was decided on state that is not durable.
        State = committed.Copy();
        var fault = new GrainStorageException(Name, conflict, error.Message);
        batch.Done.TrySetException(fault);
        foreach (var later in unwritten ?? []) later.Done.TrySetException(fault);
        unwritten?.Clear();
        waiting = 0;
        if (!conflict) return;
        IsStale = true;
        onStale();
    }

    /// <summary>Changes decided together and written in one transaction, and the callers that wait for it.</summary>
    private sealed class Batch
    {
        public List<TChange> Changes { get; } = [];
        public int Waiters { get; set; }
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Done, whatever its outcome; one per batch however many readers wait on it.</summary>
        public Task Settled => settled ??= Done.Task.ContinueWith(
            static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        private Task? settled;
    }
}
