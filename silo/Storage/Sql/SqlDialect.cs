using System.Data.Common;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// What differs between the two engines: connecting, starting a transaction, locking, value
/// formats and how a batch of reservation rows is sent. Everything else is shared ADO.NET.
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>"sqlite" or "mysql".</summary>
    public abstract string Engine { get; }

    /// <summary>Starts a transaction that writes; sent in front of the transaction's first statement.</summary>
    public abstract string BeginWrite { get; }

    /// <summary>Appended to the SELECT of the pool row in a write transaction: the row lock of the conventional engine.</summary>
    public abstract string LockPoolRow { get; }

    /// <summary>Creates the table the migrator records applied versions in, if it is missing.</summary>
    public abstract string CreateSchemaVersionTable { get; }

    /// <summary>Counts tables named <c>@table</c> in the current database.</summary>
    public abstract string CountTablesNamed { get; }

    /// <summary>Starts an INSERT that leaves rows whose key is stored already as they are (an idempotent write).</summary>
    public abstract string InsertSkippingDuplicates { get; }

    /// <summary>The embedded migration scripts of this engine live under <c>Storage/Migrations/{ScriptFolder}</c>.</summary>
    public abstract string ScriptFolder { get; }

    /// <summary>The commands one migration script is sent as (MySQL: split at the client's DELIMITER lines).</summary>
    public virtual IEnumerable<string> ScriptCommands(string script) => [script];

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await OnOpenedAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a write transaction (on MySQL, with the transaction's first statement).</summary>
    public abstract Task<StoreTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a write transaction on a connection of its own that other writers of the database may
    /// share the commit of (SQLite: <see cref="SqliteSharedCommit"/>; MySQL commits each alone and
    /// groups fsyncs itself). For writes whose every statement goes through the transaction.
    /// </summary>
    public virtual async Task<StoreTransaction> BeginSharedWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            return (await BeginWriteTransactionAsync(connection, cancellationToken)).OwningConnection();
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Held around a write that is one statement outside a transaction. SQLite: this process's
    /// write turn on the file (see <see cref="SqliteWriters"/>); MySQL locks rows and needs none.
    /// </summary>
    public virtual Task<IDisposable> TakeWriteTurnAsync(CancellationToken cancellationToken) => Task.FromResult(NoTurn);

    private static readonly IDisposable NoTurn = new NoWriteTurn();

    private sealed class NoWriteTurn : IDisposable
    {
        public void Dispose()
        {
        }
    }

    /// <summary>Holds off every other migrator of the same database until the returned lock is disposed.</summary>
    public abstract Task<MigrationLock> EnterMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Sends the reservation changes of one batch, in order; returns the rows they touched.</summary>
    public abstract Task<int> WriteReservationChangesAsync(
        StoreTransaction transaction, string poolId, IReadOnlyList<SlotPoolChange> changes, CancellationToken cancellationToken);

    /// <summary>True when the error is a primary key or unique key violation.</summary>
    public abstract bool IsDuplicateKey(DbException exception);

    /// <summary>Makes sure a connection whose state is unknown (a rollback failed) never serves another caller as it is.</summary>
    public abstract void Discard(DbConnection connection);

    /// <summary>Closes the pooled connections of this database (so a SQLite file can be deleted).</summary>
    public abstract ValueTask DisposeAsync();

    public abstract object Instant(DateTimeOffset instant);

    public abstract DateTimeOffset ReadInstant(DbDataReader reader, int ordinal);

    public abstract object Date(DateOnly date);

    public abstract DateOnly ReadDate(DbDataReader reader, int ordinal);

    public abstract object TimeOfDay(TimeOnly time);

    public abstract TimeOnly ReadTimeOfDay(DbDataReader reader, int ordinal);

    protected abstract DbConnection CreateConnection();

    protected virtual Task OnOpenedAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;
}
