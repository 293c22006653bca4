using System.Data.Common;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>Statements that take no values: a transaction's BEGIN, COMMIT, ROLLBACK and savepoints, a lock's release.</summary>
internal static class SqlStatement
{
    public static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
