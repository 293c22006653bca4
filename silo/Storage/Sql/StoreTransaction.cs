using System.Data.Common;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// A database transaction started and ended with plain SQL. On MySQL the START TRANSACTION rides
/// along with the first statement (<paramref name="pendingBegin"/>) instead of costing a round trip
/// of its own, as BeginTransactionAsync would. Disposing it without <see cref="CommitAsync"/> rolls back.
/// <paramref name="writeTurn"/>, when given, is held until the transaction has ended either way.
/// </summary>
internal class StoreTransaction(DbConnection connection, SqlDialect dialect, string? pendingBegin, IDisposable? writeTurn = null)
    : IAsyncDisposable
{
    private string? pendingBegin = pendingBegin is null ? null : pendingBegin + ";\n";
    private bool finished;
    private bool ownsConnection;

    /// <summary>Closes the connection too when the transaction ends (it was opened for this transaction alone).</summary>
    public StoreTransaction OwningConnection()
    {
        ownsConnection = true;
        return this;
    }

    /// <summary>A command in this transaction; the first one may also start the transaction.</summary>
    public DbCommand CreateCommand(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = pendingBegin + sql;
        pendingBegin = null;
        return command;
    }

    public virtual async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (pendingBegin is null) await ExecuteAsync("COMMIT", cancellationToken);
        finished = true;
        writeTurn?.Dispose();
    }

    public virtual async ValueTask DisposeAsync()
    {
        try
        {
            if (finished || pendingBegin is not null) return;
            finished = true;
            await ExecuteAsync("ROLLBACK", CancellationToken.None);
        }
        catch (Exception)
        {
            // A connection that may still hold the transaction must never serve another caller:
            // MySQL would silently commit the remains at that caller's START TRANSACTION.
            dialect.Discard(connection);
        }
        finally
        {
            writeTurn?.Dispose();
            if (ownsConnection) await connection.DisposeAsync();
        }
    }

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken) => SqlStatement.ExecuteAsync(connection, sql, cancellationToken);
}
