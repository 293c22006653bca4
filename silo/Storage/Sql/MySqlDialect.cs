using System.Data.Common;
using System.Globalization;
using System.Text;
using MySqlConnector;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// MySQL 8 / MariaDB 10.11+ through MySqlConnector, with connections from one
/// <see cref="MySqlDataSource"/> per store. Every statement is a network round trip, so statements
/// travel together (multi-statement commands, multi-row INSERTs).
/// </summary>
internal sealed class MySqlDialect : SqlDialect
{
    /// <summary>Rows per INSERT statement: large enough to amortise parsing, far below max_allowed_packet.</summary>
    public const int RowsPerInsert = 500;

    /// <summary>How long a silo waits for another silo's migration to finish.</summary>
    public static readonly TimeSpan MigrationLockTimeout = TimeSpan.FromSeconds(120);

    // User locks are server-wide: the name includes the database (and is cut to MySQL's 64 characters).
    private const string MigrationLockName = "LEFT(CONCAT('orleansbooking.migrate.', COALESCE(DATABASE(), '')), 64)";

    private readonly MySqlDataSource dataSource;

    public MySqlDialect(string connectionString)
    {
        var builder = new MySqlDataSourceBuilder(connectionString);
        // Not left to the connection string: the stores count the rows an UPDATE matched, also
        // those it left as they were (a version check, a row rewritten with the same values).
        builder.ConnectionStringBuilder.UseAffectedRows = false;
        // The pool resets a connection before lending it again, which rolls back whatever
        // transaction it still holds, or drops the connection if the reset fails (see Discard).
        builder.ConnectionStringBuilder.ConnectionReset = true;
        dataSource = builder.Build();
    }

    public override string Engine => StorageOptions.MySql;

    public override string BeginWrite => "START TRANSACTION";

    public override string LockPoolRow => " FOR UPDATE";

    public override string CreateSchemaVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL PRIMARY KEY, script VARCHAR(255) NOT NULL, " +
        "applied_at DATETIME(6) NOT NULL) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin";

    public override string CountTablesNamed =>
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = @table";

    public override string InsertSkippingDuplicates => "INSERT IGNORE INTO";

    public override string ScriptFolder => "mysql";

    public override IEnumerable<string> ScriptCommands(string script) => MySqlScriptBatches.Split(script);

    protected override DbConnection CreateConnection() => dataSource.CreateConnection();

    public override Task<StoreTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult(new StoreTransaction(connection, this, pendingBegin: BeginWrite));

    public override async Task<MigrationLock> EnterMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // Strictness is checked here, at start-up: a non-strict server turns errors into warnings
        // and stores what it truncated or adjusted instead of refusing the row.
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
        // cancellations single UPDATEs, all in their original order.
        var rows = new SlotPoolRows(this);
        var sql = new StringBuilder();
        var values = new List<object?>();
        var named = new Dictionary<object, string>();
        var rowsInInsert = 0;
        foreach (var change in changes)
        {
            switch (change)
            {
                case ReservationMade made:
                    if (rowsInInsert == RowsPerInsert) EndInsert();
                    sql.Append(rowsInInsert == 0 ? SlotPoolRows.InsertReservationPrefix : ", ");
                    sql.Append(SlotPoolRows.Row(rows.ReservationValues(made.Reservation).Select(Parameter)));
                    rowsInInsert++;
                    break;
                case ReservationCancelled cancelled:
                    EndInsert();
                    sql.Append(SlotPoolRows.CancelReservation(rows.CancellationValues(poolId, cancelled).Select(Parameter).ToList())).Append(";\n");
                    break;
                case ReservationStatusChanged moved:
                    EndInsert();
                    sql.Append(ReservationStatusRows.ChangeStatus(ReservationStatusRows.Values(poolId, moved).Select(Parameter).ToList())).Append(";\n");
                    break;
                case HoldPaid paid:
                    EndInsert();
                    sql.Append(SlotPoolRows.PayHold(rows.HoldPaidValues(poolId, paid).Select(Parameter).ToList())).Append(";\n");
                    break;
                default:
                    throw new ArgumentException($"{change.GetType().Name} is not a reservation change.", nameof(changes));
            }
        }
        EndInsert();
        if (sql.Length == 0) return 0;
        await using var command = transaction.CreateCommand(sql.ToString());
        for (var i = 0; i < values.Count; i++) SlotPoolRows.Bind(command, ParameterName(i), values[i]);
        return await command.ExecuteNonQueryAsync(cancellationToken);

        // A value met before is named once: a pool's thousand rows repeat its id, their status, the
        // number as the active one, and mostly NULLs, and every parameter costs MySqlConnector a
        // lookup in the statement and an entry in its parameter collection (docs/benchmarks.md, 0i).
        string Parameter(object? value)
        {
            if (value is null) return "NULL";
            if (named.TryGetValue(value, out var name)) return name;
            values.Add(value);
            name = "@" + ParameterName(values.Count - 1);
            named.Add(value, name);
            return name;
        }

        void EndInsert()
        {
            if (rowsInInsert == 0) return;
            sql.Append(";\n");
            rowsInInsert = 0;
        }
    }

    private static string ParameterName(int index) => "p" + index.ToString(CultureInfo.InvariantCulture);

    public override bool IsDuplicateKey(DbException exception) => exception is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry };

    // Nothing to do: the pool resets the connection before its next use (ConnectionReset, set in
    // the constructor), rolling back what it holds, and drops it when the reset fails.
    public override void Discard(DbConnection connection)
    {
    }

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();

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
