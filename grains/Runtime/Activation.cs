namespace OrleansBooking.Grains.Runtime;

/// <summary>
/// One live instance of a grain: a FIFO mailbox, a turn loop that runs one call at a time, and
/// group commit. The loop is not a dedicated thread: it is scheduled on the thread pool when work
/// arrives and exits when there is none, so thousands of idle pools cost only memory.
/// Everything named "loop-owned" is touched only from inside the loop, which is why the grain
/// itself needs no locks; <see cref="gate"/> guards only the hand-over between callers, the
/// write in flight and the loop.
/// </summary>
internal sealed class Activation<TGrain, TState, TChange> : IActivation<TGrain>
    where TGrain : Grain<TState, TChange>
    where TState : class, IGrainState<TChange>
{
    private readonly object gate = new();
    private readonly Queue<Turn<TGrain>> mailbox = new();
    private readonly string key;
    private readonly string name;
    private readonly IGrainStorage<TState, TChange> storage;
    private readonly GrainRuntimeOptions options;
    private readonly TimeProvider clock;
    private bool scheduled;
    private bool deactivated;
    private WriteResult? finishedWrite;

    // Loop-owned.
    private readonly TGrain grain;
    private bool loaded;
    private long version;
    private CommitBatch<TGrain, TChange>? inFlight;
    private readonly List<CommitBatch<TGrain, TChange>> unwritten = [new()];
    private long lastUsedTicks;
    // True while every decision made is written: no change waits to be written and none is being
    // written. Cleared the moment a turn raises a change, so lock-free readers can tell "settled".
    private bool settled = true;

    public Activation(string key, TGrain grain, IGrainStorage<TState, TChange> storage, GrainRuntimeOptions options, TimeProvider clock)
    {
        this.key = key;
        this.grain = grain;
        this.storage = storage;
        this.options = options;
        this.clock = clock;
        name = $"{typeof(TGrain).Name}/{key}";
        lastUsedTicks = clock.GetUtcNow().UtcTicks;
    }

    public string Name => name;

    public bool IsLoaded => Volatile.Read(ref loaded);

    public bool IsSettled => Volatile.Read(ref loaded) && Volatile.Read(ref settled);

    public TGrain Grain => grain;

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref lastUsedTicks), TimeSpan.Zero);

    /// <summary>Queues a call. False when this activation was deactivated: the caller must get a fresh one.</summary>
    public bool TryPost(Turn<TGrain> turn, bool bypassCapacity = false)
    {
        lock (gate)
        {
            if (deactivated) return false;
            if (!bypassCapacity && mailbox.Count >= options.MailboxCapacity)
                throw new GrainOverloadedException(name, options.MailboxCapacity);
            mailbox.Enqueue(turn);
            ScheduleLocked();
            return true;
        }
    }

    /// <summary>
    /// Deactivates if nothing is queued, nothing is unwritten and the grain was unused since
    /// <paramref name="idleSince"/>. Runs as a turn, so it is ordered after every earlier call.
    /// </summary>
    public Task<bool> TryDeactivateIfIdleAsync(DateTimeOffset idleSince)
    {
        var turn = new Turn<TGrain, bool>(_ => ValueTask.FromResult(DeactivateIfIdle(idleSince))) { WaitsForCommit = false };
        if (!TryPost(turn, bypassCapacity: true)) return Task.FromResult(false);
        return turn.Reply;
    }

    /// <summary>
    /// Completes once every decision made so far is written (or its write failed). A turn that
    /// decides nothing still waits for the latest batch, which is exactly that.
    /// </summary>
    public Task DrainAsync()
    {
        var turn = new Turn<TGrain, bool>(_ => ValueTask.FromResult(true));
        if (!TryPost(turn, bypassCapacity: true)) return Task.CompletedTask;
        return turn.Reply.ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private bool DeactivateIfIdle(DateTimeOffset idleSince)
    {
        lock (gate)
        {
            var idle = mailbox.Count == 0 && inFlight is null && !HasUnwrittenChanges() && LastUsed <= idleSince;
            if (idle) deactivated = true;
            return idle;
        }
    }

    private void ScheduleLocked()
    {
        if (scheduled) return;
        scheduled = true;
        ThreadPool.UnsafeQueueUserWorkItem(static self => _ = self.RunAsync(), this, preferLocal: false);
    }

    private async Task RunAsync()
    {
        while (true)
        {
            Turn<TGrain>? turn = null;
            WriteResult? finished;
            lock (gate)
            {
                // A finished write goes before queued calls: replies are released sooner and,
                // on failure, fewer calls are decided on top of state that must be undone.
                finished = finishedWrite;
                finishedWrite = null;
                if (finished is null)
                {
                    if (mailbox.Count == 0)
                    {
                        scheduled = false;
                        return;
                    }
                    turn = mailbox.Dequeue();
                }
            }

            if (finished is not null) OnWriteFinished(finished);
            else await RunTurnAsync(turn!).ConfigureAwait(false);
            StartWriteIfDue();
            if (inFlight is null && !HasUnwrittenChanges()) Volatile.Write(ref settled, true);
        }
    }

    private async ValueTask RunTurnAsync(Turn<TGrain> turn)
    {
        if (turn.IsAbandoned) return;
        if (!loaded)
        {
            try
            {
                await LoadAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                turn.Fail(new GrainStorageException(name, versionConflict: false, ex));
                return;
            }
        }

        var succeeded = await turn.RunAsync(grain).ConfigureAwait(false);
        var barrier = succeeded && turn.WaitsForCommit ? LatestBatchWithChanges() : null;
        if (barrier is null) turn.Complete();
        else barrier.Waiters.Add(turn);
        // The next batch starts once this one holds as much as one write may carry.
        if (unwritten[^1].Changes.Count >= options.MaxChangesPerWrite) unwritten.Add(new());
    }

    private async Task LoadAsync()
    {
        // Storage clients may block (MySql.Data is synchronous underneath): keep them off the loop's thread.
        var stored = await Task.Run(() => storage.ReadAsync(key, CancellationToken.None)).ConfigureAwait(false);
        version = stored?.Version ?? 0;
        grain.Attach(key, stored?.State ?? grain.InitialState(key), version, RecordChange);
        Volatile.Write(ref loaded, true);
    }

    public void MarkUsed() => Interlocked.Exchange(ref lastUsedTicks, clock.GetUtcNow().UtcTicks);

    private void RecordChange(TChange change)
    {
        Volatile.Write(ref settled, false);
        unwritten[^1].Changes.Add(change);
    }

    private bool HasUnwrittenChanges() => unwritten.Exists(b => b.Changes.Count > 0);

    private CommitBatch<TGrain, TChange>? LatestBatchWithChanges()
    {
        for (var i = unwritten.Count - 1; i >= 0; i--)
            if (unwritten[i].Changes.Count > 0) return unwritten[i];
        return inFlight;
    }

    private void StartWriteIfDue()
    {
        if (inFlight is not null || unwritten[0].Changes.Count == 0) return;
        var batch = unwritten[0];
        unwritten.RemoveAt(0);
        if (unwritten.Count == 0) unwritten.Add(new());
        inFlight = batch;
        _ = WriteAsync(batch, version);
    }

    private async Task WriteAsync(CommitBatch<TGrain, TChange> batch, long expectedVersion)
    {
        Exception? error = null;
        try
        {
            await Task.Run(() => storage.WriteAsync(key, expectedVersion, batch.Changes, CancellationToken.None)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        lock (gate)
        {
            finishedWrite = new WriteResult(batch, error);
            ScheduleLocked();
        }
    }

    private void OnWriteFinished(WriteResult finished)
    {
        inFlight = null;
        if (finished.Error is null)
        {
            version++;
            grain.MarkCommitted(version, finished.Batch.Changes);
            // Settled before anyone is answered, so a caller that reads right after its reply sees it.
            if (!HasUnwrittenChanges()) Volatile.Write(ref settled, true);
            foreach (var waiter in finished.Batch.Waiters) waiter.Complete();
            return;
        }

        // Every decision in the failed batch and after it was made on state that is not durable:
        // undo them all by forgetting the state; the next turn reloads what storage really holds.
        var fault = new GrainStorageException(name, finished.Error is StorageVersionConflictException, finished.Error);
        foreach (var waiter in finished.Batch.Waiters) waiter.Fail(fault);
        foreach (var batch in unwritten)
            foreach (var waiter in batch.Waiters) waiter.Fail(fault);
        unwritten.Clear();
        unwritten.Add(new());
        Volatile.Write(ref loaded, false);
    }

    private sealed record WriteResult(CommitBatch<TGrain, TChange> Batch, Exception? Error);
}
