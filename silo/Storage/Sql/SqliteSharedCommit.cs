using System.Data.Common;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// One SQLite transaction that the batches queued for a file's write turn write into one after
/// another, each inside its own savepoint, and that commits once for all of them.
/// </summary>
/// <remarks>
/// With synchronous=FULL every commit is an fsync, and the file has one writer: at the release,
/// pools committing one by one wait for each other's fsyncs in series. Sharing the commit keeps
/// each batch's statements apart (a failing batch rolls back to its savepoint alone) and makes
/// the fsync one for all. Nothing is acknowledged early: every batch's commit task completes only
/// when the shared COMMIT has returned, and fails when it failed.
/// </remarks>
internal sealed class SqliteSharedCommit
{
    private const string Savepoint = "batch";

    private readonly DbConnection connection;
    private readonly SqlDialect dialect;
    private readonly TaskCompletionSource committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? failure;

    private SqliteSharedCommit(DbConnection connection, SqlDialect dialect)
    {
        this.connection = connection;
        this.dialect = dialect;
    }

    /// <summary>Batches that have started in this commit.</summary>
    public int Batches { get; private set; }

    /// <summary>True once something has made the whole commit roll back.</summary>
    public bool Failed => failure is not null;

    /// <summary>Completes when the commit is durable; faults with the reason when it rolled back.</summary>
    public Task Committed => committed.Task;

    internal DbConnection Connection => connection;

    internal SqlDialect Dialect => dialect;

    public static async Task<SqliteSharedCommit> BeginAsync(SqlDialect dialect, CancellationToken cancellationToken)
    {
        var connection = await dialect.OpenAsync(cancellationToken);
        try
        {
            await SqlStatement.ExecuteAsync(connection, dialect.BeginWrite, cancellationToken);
            return new SqliteSharedCommit(connection, dialect);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the next batch's savepoint; not cancellable, since a failure here fails the batches before it too.</summary>
    public async Task StartBatchAsync()
    {
        Batches++;
        await SqlStatement.ExecuteAsync(connection, $"SAVEPOINT {Savepoint}", CancellationToken.None);
    }

    /// <summary>Keeps the batch's statements in the commit.</summary>
    public Task KeepBatchAsync() => SqlStatement.ExecuteAsync(connection, $"RELEASE {Savepoint}", CancellationToken.None);

    /// <summary>Takes the batch's statements out again; the batches before it stay.</summary>
    public Task DropBatchAsync() => SqlStatement.ExecuteAsync(connection, $"ROLLBACK TO {Savepoint}; RELEASE {Savepoint}", CancellationToken.None);

    /// <summary>The transaction's state is no longer known: it will roll back, and every batch in it fails.</summary>
    public void Fail(Exception reason) => failure ??= reason;

    /// <summary>Commits (or, after a failure, rolls back) for every batch, completes <see cref="Committed"/>, and closes the connection.</summary>
    public async Task EndAsync()
    {
        try
        {
            if (failure is null)
            {
                try
                {
                    await SqlStatement.ExecuteAsync(connection, "COMMIT", CancellationToken.None);
                    committed.SetResult();
                    return;
                }
                catch (Exception e)
                {
                    failure = e;
                }
            }
            try
            {
                await SqlStatement.ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            }
            catch (Exception)
            {
                // The commit may have rolled back by itself; a connection in an unknown state serves nobody else.
                dialect.Discard(connection);
            }
            committed.SetException(new SharedCommitFailedException(failure));
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}

/// <summary>The shared commit a batch was part of rolled back: nothing of the batch was written.</summary>
internal sealed class SharedCommitFailedException(Exception reason)
    : Exception($"The commit this batch shared with other writers of the database failed, so nothing of it was written: {reason.Message}", reason);
