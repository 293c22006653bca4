using Microsoft.Data.Sqlite;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// The write turn of one SQLite file: a queue of writers, each either alone (its own transaction)
/// or a batch of a shared commit.
/// </summary>
/// <remarks>
/// A shared commit stays open while the turn passes from batch to batch; the batch that finds no
/// batch behind it (or the commit full) commits for all, still holding the turn, so a writer alone
/// never meets an open transaction. Every decision to pass the turn or to give up waiting is taken
/// under one lock, so a commit is never left open with nobody holding the turn.
/// </remarks>
internal sealed class SqliteFileWriters
{
    /// <summary>
    /// Batches in one commit at most. Every batch waits for the ones after it, so this bounds the
    /// first one's wait; 32 pools' batches of the release are a few milliseconds of statements
    /// against one fsync each.
    /// </summary>
    internal const int MaxBatchesPerCommit = 32;

    private const int SqliteBusy = 5;

    private readonly Lock gate = new();
    private readonly Queue<Waiter> waiting = new();
    private bool held;
    private SqliteSharedCommit? open;

    public async Task<IDisposable> TakeTurnAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await WaitForTurnAsync(shares: false, timeout, cancellationToken);
        return new Turn(this);
    }

    public async Task<StoreTransaction> BeginSharedBatchAsync(SqlDialect dialect, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await WaitForTurnAsync(shares: true, timeout, cancellationToken);
        SqliteSharedCommit? commit = open;
        try
        {
            commit ??= open = await SqliteSharedCommit.BeginAsync(dialect, cancellationToken);
            await commit.StartBatchAsync();
            return new SharedCommitBatch(commit, this);
        }
        catch (Exception e)
        {
            if (commit is null) PassTurn();
            else
            {
                commit.Fail(e);
                await LeaveAsync(commit);
            }
            throw;
        }
    }

    /// <summary>A batch has ended (released or rolled back to its savepoint): the next batch continues the commit, or this one ends it.</summary>
    internal async Task LeaveAsync(SqliteSharedCommit commit)
    {
        lock (gate)
        {
            if (NextLiveWaiter() is { Shares: true } next && commit.Batches < MaxBatchesPerCommit && !commit.Failed)
            {
                waiting.Dequeue();
                next.Turn.SetResult();
                return;
            }
        }
        open = null;
        await commit.EndAsync();
        PassTurn();
    }

    private async Task WaitForTurnAsync(bool shares, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (gate)
        {
            if (!held)
            {
                held = true;
                return;
            }
            waiter = new Waiter(shares);
            waiting.Enqueue(waiter);
        }
        try
        {
            await waiter.Turn.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            lock (gate)
            {
                // Handed the turn at the moment the wait ended: keep it rather than lose it.
                if (waiter.Turn.Task.IsCompletedSuccessfully) return;
                waiter.Turn.SetCanceled(CancellationToken.None);
            }
            if (e is OperationCanceledException) throw;
            throw new SqliteException($"database is locked: other writers of this process held it for {timeout.TotalSeconds:0} s", SqliteBusy);
        }
    }

    private void PassTurn()
    {
        lock (gate)
        {
            if (NextLiveWaiter() is { } next)
            {
                waiting.Dequeue();
                next.Turn.SetResult();
            }
            else held = false;
        }
    }

    /// <summary>Under the lock: the first waiter that still waits, dropping those that gave up.</summary>
    private Waiter? NextLiveWaiter()
    {
        while (waiting.TryPeek(out var first))
        {
            if (!first.Turn.Task.IsCompleted) return first;
            waiting.Dequeue();
        }
        return null;
    }

    private sealed class Waiter(bool shares)
    {
        public bool Shares { get; } = shares;

        public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Turn(SqliteFileWriters writers) : IDisposable
    {
        private SqliteFileWriters? held = writers;

        public void Dispose() => Interlocked.Exchange(ref held, null)?.PassTurn();
    }
}
