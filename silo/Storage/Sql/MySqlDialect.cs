using System.Data.Common;
using System.Globalization;
using System.Text;
using MySql.Data.MySqlClient;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// MySQL 8 / MariaDB 10.11+ through MySql.Data, which is synchronous underneath: every round trip
/// holds a thread, so statements travel together (multi-statement commands, multi-row INSERTs).
/// </summary>
internal sealed class MySqlDialect(string connectionString) : SqlDialect
{
    /// <summary>Rows per INSERT statement: large enough to amortise parsing, far below max_allowed_packet.</summary>
    public const int RowsPerInsert = 500;

    /// <summary>How long a silo waits for another silo's migration to finish.</summary>
    public static readonly TimeSpan MigrationLockTimeout = TimeSpan.FromSeconds(120);

    // User locks are server-wide: the name includes the database (and is cut to MySQL's 64 characters).
    private const string MigrationLockName = "LEFT(CONCAT('orleansbooking.migrate.', COALESCE(DATABASE(), '')), 64)";

    public override string Engine => StorageOptions.MySql;

    public override string BeginWrite => "START TRANSACTION";

    public override string LockPoolRow => " FOR UPDATE";

    public override string CreateSchemaVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL PRIMARY KEY, script VARCHAR(255) NOT NULL, " +
        "applied_at DATETIME(6) NOT NULL) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin";

    public override string CountTablesNamed =>
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = @table";

    public override string ScriptFolder => "mysql";

    protected override DbConnection CreateConnection() => new MySqlConnection(connectionString);

    public override Task<StoreTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult(new StoreTransaction(connection, this, pendingBegin: BeginWrite));

    public override async Task<MigrationLock> EnterMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // Strictness is checked here, at start-up: a non-strict server turns errors into warnings
        // (silent truncation), and a warning inside a multi-statement batch derails MySql.Data.
        command.CommandText =
            $"SELECT @@SESSION.sql_mode LIKE '%STRICT_TRANS_TABLES%' OR @@SESSION.sql_mode LIKE '%STRICT_ALL_TABLES%', " +
            $"GET_LOCK({MigrationLockName}, {(int)MigrationLockTimeout.TotalSeconds})";
        bool strict;
        object granted;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            strict = Convert.ToInt64(reader.GetValue(0)) == 1;
            granted = reader.GetValue(1);
        }
        var migrationLock = new MigrationLock(connection, complete: null, release: $"DO RELEASE_LOCK({MigrationLockName})");
        if (granted is DBNull || Convert.ToInt64(granted) != 1)
            throw new TimeoutException(
                $"Another silo has been migrating the schema for more than {MigrationLockTimeout.TotalSeconds:0} s (GET_LOCK returned {granted}).");
        if (!strict)
        {
            await migrationLock.DisposeAsync();
            throw new InvalidOperationException(
                "The MySQL server must run in strict mode (sql_mode with STRICT_TRANS_TABLES, the default since MySQL 5.7 and MariaDB 10.2.4).");
        }
        return migrationLock;
    }

    public override async Task<int> WriteReservationChangesAsync(
        StoreTransaction transaction, string poolId, IReadOnlyList<SlotPoolChange> changes, CancellationToken cancellationToken)
    {
        // The whole batch is one command: consecutive reservations become multi-row INSERTs,
        // cancellations single UPDATEs, all in their original order. Values are written as literals:
        // MySql.Data binds parameters in time quadratic in their number (a 1,000-row batch has 12,000).
        var rows = new SlotPoolRows(this);
        var sql = new StringBuilder();
        var rowsInInsert = 0;
        foreach (var change in changes)
        {
            switch (change)
            {
                case ReservationMade made:
                    if (rowsInInsert == RowsPerInsert) EndInsert();
                    sql.Append(rowsInInsert == 0 ? SlotPoolRows.InsertReservationPrefix : ", ");
                    sql.Append(SlotPoolRows.Row(rows.ReservationValues(made.Reservation).Select(Literal)));
                    rowsInInsert++;
                    break;
                case ReservationCancelled cancelled:
                    EndInsert();
                    sql.Append(SlotPoolRows.CancelReservation(rows.CancellationValues(poolId, cancelled).Select(Literal).ToList())).Append(";\n");
                    break;
                case ReservationStatusChanged moved:
                    EndInsert();
                    sql.Append(ReservationStatusRows.ChangeStatus(ReservationStatusRows.Values(poolId, moved).Select(Literal).ToList())).Append(";\n");
                    break;
                default:
                    throw new ArgumentException($"{change.GetType().Name} is not a reservation change.", nameof(changes));
            }
        }
        EndInsert();
        if (sql.Length == 0) return 0;
        await using var command = transaction.CreateCommand(sql.ToString());
        return await command.ExecuteNonQueryAsync(cancellationToken);

        void EndInsert()
        {
            if (rowsInInsert == 0) return;
            sql.Append(";\n");
            rowsInInsert = 0;
        }
    }

    /// <summary>
    /// A value as SQL text. Strings go as hex with a character set introducer, so no content can
    /// end the literal, whatever the server's sql_mode (NO_BACKSLASH_ESCAPES) or the connection's charset.
    /// </summary>
    internal static string Literal(object? value) => value switch
    {
        null or DBNull => "NULL",
        string text => "_utf8mb4 X'" + Convert.ToHexString(Encoding.UTF8.GetBytes(text)) + "'",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateTime instant => "'" + instant.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "'",
        _ => throw new ArgumentException($"No SQL literal for {value.GetType().Name}.", nameof(value)),
    };

    public override bool IsDuplicateKey(DbException exception) => exception is MySqlException { Number: 1062 }; // ER_DUP_ENTRY

    public override void Discard(DbConnection connection) => MySqlConnection.ClearPool((MySqlConnection)connection);

    public override void ClearPool()
    {
        using var connection = new MySqlConnection(connectionString);
        MySqlConnection.ClearPool(connection);
    }

    // DATETIME(6) keeps microseconds; cut the rest here so the server never rounds.
    public override object Instant(DateTimeOffset instant) =>
        new DateTime(instant.UtcTicks - instant.UtcTicks % 10, DateTimeKind.Utc);

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    public override object Date(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);

    public override DateOnly ReadDate(DbDataReader reader, int ordinal) => DateOnly.FromDateTime(reader.GetDateTime(ordinal));

    public override object TimeOfDay(TimeOnly time) => time.ToTimeSpan();

    public override TimeOnly ReadTimeOfDay(DbDataReader reader, int ordinal) => TimeOnly.FromTimeSpan((TimeSpan)reader.GetValue(ordinal));
}
