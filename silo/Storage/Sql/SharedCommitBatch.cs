namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>One writer's batch inside a <see cref="SqliteSharedCommit"/>: its own savepoint, the commit shared.</summary>
internal sealed class SharedCommitBatch(SqliteSharedCommit commit, SqliteFileWriters writers)
    : StoreTransaction(commit.Connection, commit.Dialect, pendingBegin: null)
{
    private bool ended;

    /// <summary>Keeps the batch, passes the turn on, and returns once the shared commit is durable.</summary>
    /// <exception cref="SharedCommitFailedException">The shared commit rolled back: nothing of this batch was written.</exception>
    public override async Task CommitAsync(CancellationToken cancellationToken)
    {
        await EndAsync(keep: true);
        // Not cancellable: once kept, the batch's fate is the commit's, and the caller must learn it.
        await commit.Committed;
    }

    /// <summary>Without a commit: takes the batch out of the shared commit and passes the turn on.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (!ended) await EndAsync(keep: false);
    }

    private async Task EndAsync(bool keep)
    {
        ended = true;
        try
        {
            await (keep ? commit.KeepBatchAsync() : commit.DropBatchAsync());
        }
        catch (Exception e)
        {
            // Released or rolled back halfway, the transaction holds something nobody can name.
            commit.Fail(e);
        }
        await writers.LeaveAsync(commit);
    }
}
