using System.Data.Common;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Payment;

/// <summary>Small helpers the payment tables' stores share: commands with bound values, nullable reads.</summary>
internal static class SqlRows
{
    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values) SlotPoolRows.Bind(command, name, value);
        return command;
    }

    public static DbCommand Command(StoreTransaction transaction, string sql, params (string Name, object? Value)[] values)
    {
        var command = transaction.CreateCommand(sql);
        foreach (var (name, value) in values) SlotPoolRows.Bind(command, name, value);
        return command;
    }

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Number(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal));

    public static DateTimeOffset? Instant(SqlDialect dialect, DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : dialect.ReadInstant(reader, ordinal);

    public static async Task<List<T>> ListAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }
}
