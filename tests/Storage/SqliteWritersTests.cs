using Microsoft.Data.Sqlite;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Tests.Storage;

/// <summary>One writer at a time per SQLite file in this process, waiting by await, failing as SQLite would when it waits too long.</summary>
public sealed class SqliteWritersTests
{
    private readonly string database = $"Data Source={Path.Combine(Path.GetTempPath(), $"writers-{Guid.NewGuid():N}.db")}";

    [Fact]
    public async Task ASecondWriterOfTheSameFileWaitsUntilTheFirstHasFinished()
    {
        var first = await SqliteWriters.TakeTurnAsync(database, TimeSpan.FromSeconds(30), CancellationToken.None);
        var second = SqliteWriters.TakeTurnAsync(database, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    [Fact]
    public async Task WritersOfDifferentFilesDoNotWaitForEachOther()
    {
        using var first = await SqliteWriters.TakeTurnAsync(database, TimeSpan.FromSeconds(30), CancellationToken.None);
        var other = SqliteWriters.TakeTurnAsync(database + "-other", TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task AWriterThatWaitsTooLongFailsAsBusy()
    {
        using var first = await SqliteWriters.TakeTurnAsync(database, TimeSpan.FromSeconds(30), CancellationToken.None);

        var busy = await Assert.ThrowsAsync<SqliteException>(() => SqliteWriters.TakeTurnAsync(database, TimeSpan.FromMilliseconds(1), CancellationToken.None));
        Assert.Equal(5, busy.SqliteErrorCode);
    }

    [Fact]
    public async Task GivingATurnBackTwiceReleasesItOnce()
    {
        var first = await SqliteWriters.TakeTurnAsync(database, TimeSpan.FromSeconds(30), CancellationToken.None);
        first.Dispose();
        first.Dispose();
        using var second = await SqliteWriters.TakeTurnAsync(database, TimeSpan.FromSeconds(30), CancellationToken.None);

        var third = SqliteWriters.TakeTurnAsync(database, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.False(third.IsCompleted);
        second.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }
}
