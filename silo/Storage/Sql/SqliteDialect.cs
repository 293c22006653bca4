using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// SQLite in a file: WAL so readers never wait for the writer, synchronous=FULL so an acknowledged
/// commit survives a crash or power loss, and a busy timeout so two runtimes on one file queue for
/// the write lock instead of failing.
/// </summary>
internal sealed class SqliteDialect(string connectionString) : SqlDialect
{
    /// <summary>How long a writer waits for another process's write lock before the statement fails.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimeFormat = "HH:mm:ss.FFFFFFF";

    public override string Engine => StorageOptions.Sqlite;

    public override string BeginWrite => "BEGIN IMMEDIATE";

    public override Task<IDisposable> TakeWriteTurnAsync(CancellationToken cancellationToken) =>
        SqliteWriters.TakeTurnAsync(connectionString, BusyTimeout, cancellationToken);

    /// <summary>Takes this process's write turn on the file (<see cref="SqliteWriters"/>) before the write lock.</summary>
    public override async Task<StoreTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var turn = await TakeWriteTurnAsync(cancellationToken);
        try
        {
            await SqlStatement.ExecuteAsync(connection, BeginWrite, cancellationToken);
            return new StoreTransaction(connection, this, pendingBegin: null, turn);
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    /// <summary>Joins the commit of the batches queued for the file's write turn, in a savepoint of its own.</summary>
    public override Task<StoreTransaction> BeginSharedWriteAsync(CancellationToken cancellationToken) =>
        SqliteWriters.BeginSharedBatchAsync(connectionString, this, BusyTimeout, cancellationToken);

    // BEGIN IMMEDIATE already holds the database's single write lock.
    public override string LockPoolRow => "";

    public override string CreateSchemaVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL)";

    public override string CountTablesNamed => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table";

    public override string InsertSkippingDuplicates => "INSERT OR IGNORE INTO";

    public override string ScriptFolder => "sqlite";

    protected override DbConnection CreateConnection() => new SqliteConnection(connectionString);

    protected override async Task OnOpenedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // busy_timeout first: switching a new file to WAL itself needs the lock.
        command.CommandText =
            $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; " +
            "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<MigrationLock> EnterMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // SQLite DDL is transactional: the whole migration is one write transaction, which also
        // makes a second migrator wait and then find the work done.
        await SqlStatement.ExecuteAsync(connection, BeginWrite, cancellationToken);
        return new MigrationLock(connection, complete: "COMMIT", release: "ROLLBACK");
    }

    public override async Task<int> WriteReservationChangesAsync(
        StoreTransaction transaction, string poolId, IReadOnlyList<SlotPoolChange> changes, CancellationToken cancellationToken)
    {
        // In-process, so a statement costs no round trip: one prepared statement per kind, run per row.
        var rows = new SlotPoolRows(this);
        DbCommand? insert = null;
        DbCommand? cancel = null;
        DbCommand? move = null;
        DbCommand? pay = null;
        try
        {
            var touched = 0;
            foreach (var change in changes)
            {
                DbCommand command;
                switch (change)
                {
                    case ReservationMade made:
                        command = insert ??= transaction.CreateCommand(
                            SlotPoolRows.InsertReservationPrefix + SlotPoolRows.Row(SlotPoolRows.ReservationParameters));
                        SlotPoolRows.BindValues(command, rows.ReservationValues(made.Reservation));
                        break;
                    case ReservationCancelled cancelled:
                        command = cancel ??= transaction.CreateCommand(SlotPoolRows.CancelReservation(SlotPoolRows.ReservationParameters));
                        SlotPoolRows.BindValues(command, rows.CancellationValues(poolId, cancelled));
                        break;
                    case ReservationStatusChanged moved:
                        command = move ??= transaction.CreateCommand(ReservationStatusRows.ChangeStatus(SlotPoolRows.ReservationParameters));
                        SlotPoolRows.BindValues(command, ReservationStatusRows.Values(poolId, moved));
                        break;
                    case HoldPaid paid:
                        command = pay ??= transaction.CreateCommand(SlotPoolRows.PayHold(SlotPoolRows.ReservationParameters));
                        SlotPoolRows.BindValues(command, rows.HoldPaidValues(poolId, paid));
                        break;
                    default:
                        throw new ArgumentException($"{change.GetType().Name} is not a reservation change.", nameof(changes));
                }
                touched += await command.ExecuteNonQueryAsync(cancellationToken);
            }
            return touched;
        }
        finally
        {
            if (insert is not null) await insert.DisposeAsync();
            if (cancel is not null) await cancel.DisposeAsync();
            if (move is not null) await move.DisposeAsync();
            if (pay is not null) await pay.DisposeAsync();
        }
    }

    public override bool IsDuplicateKey(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 1555 or 2067 }; // CONSTRAINT_PRIMARYKEY, CONSTRAINT_UNIQUE

    public override void Discard(DbConnection connection) => SqliteConnection.ClearPool((SqliteConnection)connection);

    public override ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    public override object Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();

    public override object Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public override DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), DateFormat, CultureInfo.InvariantCulture);

    public override object TimeOfDay(TimeOnly time) => time.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public override TimeOnly ReadTimeOfDay(DbDataReader reader, int ordinal) =>
        TimeOnly.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);
}
