using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Hosting.DoctorsDay;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.DoctorsDay;

/// <summary>
/// Pools the no-show sweep may have work in: visit day today or earlier, and still open or with a
/// patient still only booked. A swept pool is closed and has no booked patient, so it drops out.
/// </summary>
internal sealed class SqlSessionsToSweep(SqlDialect dialect) : ISessionsToSweep
{
    public async Task<IReadOnlyList<PoolDefinition>> FindAsync(DateOnly throughDate, CancellationToken cancellationToken)
    {
        var rows = new SlotPoolRows(dialect);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {SlotPoolRows.PoolColumns} FROM pools p WHERE p.visit_date <= @through AND (p.status = 'open' " +
            "OR EXISTS (SELECT 1 FROM reservations r WHERE r.pool_id = p.pool_id AND r.status = 'booked'))";
        SlotPoolRows.Bind(command, "through", dialect.Date(throughDate));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<PoolDefinition>();
        while (await reader.ReadAsync(cancellationToken)) found.Add(rows.ReadPool(reader).Definition);
        return found;
    }
}
