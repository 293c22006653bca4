using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// One writer at a time per SQLite database of this process, queued without a thread.
/// </summary>
/// <remarks>
/// SQLite lets one transaction write at a time. Without this, every pool that commits at the
/// release asks for the write lock at once and all but one wait in SQLite's busy handler, which
/// sleeps the calling thread: thread-pool threads, tens of them at 08:00, until the pool starves
/// and every request waits behind them. Waiting here instead is an await. The busy timeout still
/// covers another process writing to the same file. Keyed by connection string because each store
/// makes its own dialect, while the lock belongs to the file.
/// </remarks>
internal static class SqliteWriters
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);

    /// <summary>Waits for the database's write turn; disposing the result gives it to the next writer.</summary>
    /// <exception cref="SqliteException">SQLITE_BUSY: no turn within <paramref name="timeout"/>, as SQLite itself would fail.</exception>
    public static async Task<IDisposable> TakeTurnAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var turn = Turns.GetOrAdd(connectionString, static _ => new SemaphoreSlim(1, 1));
        if (!await turn.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
            throw new SqliteException($"database is locked: other writers of this process held it for {timeout.TotalSeconds:0} s", SqliteBusy);
        return new Turn(turn);
    }

    private const int SqliteBusy = 5;

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private SemaphoreSlim? held = turn;

        public void Dispose() => Interlocked.Exchange(ref held, null)?.Release();
    }
}
