using System.Data.Common;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>Keeps other silos from migrating the same database at the same time; released on dispose.</summary>
internal sealed class MigrationLock(DbConnection connection, string? complete, string release) : IAsyncDisposable
{
    private bool completed;

    /// <summary>Marks the migration done (on SQLite this commits the transaction the migration ran in).</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (complete is not null) await ExecuteAsync(complete, cancellationToken);
        completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (completed && complete is not null) return;
        await ExecuteAsync(release, CancellationToken.None);
    }

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken) => SqlStatement.ExecuteAsync(connection, sql, cancellationToken);
}
