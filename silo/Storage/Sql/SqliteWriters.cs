using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// The writers of each SQLite database of this process: one at a time, queued without a thread,
/// and the batches that queue together sharing one commit.
/// </summary>
/// <remarks>
/// SQLite lets one transaction write at a time. Without a queue, every pool that commits at the
/// release asks for the write lock at once and all but one wait in SQLite's busy handler, which
/// sleeps the calling thread: thread-pool threads, tens of them at 08:00, until the pool starves
/// and every request waits behind them. Waiting here instead is an await. The busy timeout still
/// covers another process writing to the same file. Keyed by connection string because each store
/// makes its own dialect, while the lock belongs to the file.
/// </remarks>
internal static class SqliteWriters
{
    private static readonly ConcurrentDictionary<string, SqliteFileWriters> Files = new(StringComparer.Ordinal);

    /// <summary>Waits for the database's write turn alone; disposing the result gives it to the next writer.</summary>
    /// <exception cref="SqliteException">SQLITE_BUSY: no turn within <paramref name="timeout"/>, as SQLite itself would fail.</exception>
    public static Task<IDisposable> TakeTurnAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken) =>
        FileOf(connectionString).TakeTurnAsync(timeout, cancellationToken);

    /// <summary>
    /// Starts a batch that commits together with the batches queued behind it (see
    /// <see cref="SqliteSharedCommit"/>). Its <see cref="StoreTransaction.CommitAsync"/> returns
    /// once the shared commit is durable and throws when it failed.
    /// </summary>
    public static Task<StoreTransaction> BeginSharedBatchAsync(
        string connectionString, SqlDialect dialect, TimeSpan timeout, CancellationToken cancellationToken) =>
        FileOf(connectionString).BeginSharedBatchAsync(dialect, timeout, cancellationToken);

    private static SqliteFileWriters FileOf(string connectionString) =>
        Files.GetOrAdd(connectionString, static _ => new SqliteFileWriters());
}
