using Microsoft.Data.Sqlite;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Tests.Storage;

/// <summary>
/// Batches queued for a SQLite file's write turn share one commit: each in its own savepoint, none
/// acknowledged before the commit, a failing batch out alone, a failing commit failing them all.
/// </summary>
public sealed class SqliteSharedCommitTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string database = $"Data Source={Path.Combine(Path.GetTempPath(), $"shared-commit-{Guid.NewGuid():N}.db")}";
    private SqliteDialect dialect = null!;

    public async Task InitializeAsync()
    {
        dialect = new SqliteDialect(database);
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var create = connection.CreateCommand();
        create.CommandText =
            "CREATE TABLE parents (id INTEGER PRIMARY KEY);" +
            "CREATE TABLE children (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED);";
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await dialect.DisposeAsync();

    [Fact]
    public async Task ABatchQueuedBehindAnotherSharesItsCommitAndNeitherIsAcknowledgedBeforeIt()
    {
        var first = await dialect.BeginSharedWriteAsync(CancellationToken.None);
        await AddParentAsync(first, 1);
        var secondStarting = dialect.BeginSharedWriteAsync(CancellationToken.None);
        Assert.False(secondStarting.IsCompleted);

        var firstCommitted = first.CommitAsync(CancellationToken.None);
        var second = await secondStarting.WaitAsync(Patience);
        Assert.False(firstCommitted.IsCompleted);
        Assert.Empty(await ParentsAsync());

        await AddParentAsync(second, 2);
        await second.CommitAsync(CancellationToken.None);
        await firstCommitted.WaitAsync(Patience);
        Assert.Equal([1L, 2L], await ParentsAsync());
    }

    [Fact]
    public async Task ABatchThatEndsWithoutCommittingIsTakenOutAloneAndTheBatchBeforeItCommits()
    {
        var (firstCommitted, second) = await SecondBatchInTheFirstsCommitAsync();

        await AddParentAsync(second, 2);
        await Assert.ThrowsAsync<SqliteException>(() => AddParentAsync(second, 1));
        await second.DisposeAsync();

        await firstCommitted.WaitAsync(Patience);
        Assert.Equal([1L], await ParentsAsync());
    }

    [Fact]
    public async Task WhenTheSharedCommitFailsEveryBatchInItFailsAndNothingIsWritten()
    {
        var (firstCommitted, second) = await SecondBatchInTheFirstsCommitAsync();
        // A deferred foreign key is checked only at COMMIT: the batch itself succeeds, the commit fails.
        await ExecuteAsync(second, "INSERT INTO children (id, parent) VALUES (1, 99)");

        await Assert.ThrowsAsync<SharedCommitFailedException>(() => second.CommitAsync(CancellationToken.None));
        await Assert.ThrowsAsync<SharedCommitFailedException>(() => firstCommitted.WaitAsync(Patience));
        Assert.Empty(await ParentsAsync());

        await using var third = await dialect.BeginSharedWriteAsync(CancellationToken.None).WaitAsync(Patience);
        await AddParentAsync(third, 3);
        await third.CommitAsync(CancellationToken.None);
        Assert.Equal([3L], await ParentsAsync());
    }

    [Fact]
    public async Task AWriterAloneGetsTheTurnOnlyAfterTheSharedCommitHasEnded()
    {
        var first = await dialect.BeginSharedWriteAsync(CancellationToken.None);
        await AddParentAsync(first, 1);
        var alone = dialect.TakeWriteTurnAsync(CancellationToken.None);
        var afterIt = dialect.BeginSharedWriteAsync(CancellationToken.None);

        await first.CommitAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.Equal([1L], await ParentsAsync());
        var turn = await alone.WaitAsync(Patience);
        Assert.False(afterIt.IsCompleted);

        turn.Dispose();
        await using var next = await afterIt.WaitAsync(Patience);
    }

    [Fact]
    public async Task ACommitTakesAtMostItsLimitOfBatchesAndTheRestStartTheNextOne()
    {
        var first = await dialect.BeginSharedWriteAsync(CancellationToken.None);
        var starting = Enumerable.Range(0, SqliteFileWriters.MaxBatchesPerCommit)
            .Select(_ => dialect.BeginSharedWriteAsync(CancellationToken.None)).ToList();
        var commits = new List<Task>();
        var batch = first;
        for (var i = 0; i < SqliteFileWriters.MaxBatchesPerCommit; i++)
        {
            await AddParentAsync(batch, i + 1);
            commits.Add(batch.CommitAsync(CancellationToken.None));
            batch = await starting[i].WaitAsync(Patience);
        }

        // The last batch, still open, waits for the next commit; the ones before it are durable already
        // (their commits would wait for it forever if it were in theirs).
        await Task.WhenAll(commits).WaitAsync(Patience);
        Assert.Equal(SqliteFileWriters.MaxBatchesPerCommit, (await ParentsAsync()).Count);
        await AddParentAsync(batch, 1000);
        await batch.CommitAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(SqliteFileWriters.MaxBatchesPerCommit + 1, (await ParentsAsync()).Count);
    }

    [Fact]
    public async Task ABatchThatGivesUpWaitingLeavesNoCommitOpen()
    {
        var first = await dialect.BeginSharedWriteAsync(CancellationToken.None);
        await AddParentAsync(first, 1);
        using var impatient = new CancellationTokenSource();
        var gaveUp = dialect.BeginSharedWriteAsync(impatient.Token);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);

        await first.CommitAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.Equal([1L], await ParentsAsync());
    }

    /// <summary>A first batch that added parent 1 and asked to commit, and a second batch that joined its commit.</summary>
    private async Task<(Task FirstCommitted, StoreTransaction Second)> SecondBatchInTheFirstsCommitAsync()
    {
        var first = await dialect.BeginSharedWriteAsync(CancellationToken.None);
        await AddParentAsync(first, 1);
        var secondStarting = dialect.BeginSharedWriteAsync(CancellationToken.None);
        var firstCommitted = first.CommitAsync(CancellationToken.None);
        return (firstCommitted, await secondStarting.WaitAsync(Patience));
    }

    private static Task AddParentAsync(StoreTransaction transaction, long id) =>
        ExecuteAsync(transaction, $"INSERT INTO parents (id) VALUES ({id})");

    private static async Task ExecuteAsync(StoreTransaction transaction, string sql)
    {
        await using var command = transaction.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<long>> ParentsAsync()
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT id FROM parents ORDER BY id";
        var ids = new List<long>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        return ids;
    }
}
