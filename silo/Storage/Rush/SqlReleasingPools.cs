using OrleansBooking.Api.Contracts.Rush;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Rush;

/// <summary>
/// One query on the release-instant index (migration 0070), each pool's held numbers counted on the
/// active-number index. A pool answers a booking only after its batch commits, so the committed
/// count is what patients were told.
/// </summary>
internal sealed class SqlReleasingPools(SqlDialect dialect) : IReleasingPools
{
    /// <summary>More pools than this in the window are not one board's to show; the first ones by release are.</summary>
    public const int MaxPools = 500;

    public async Task<IReadOnlyList<SlotPoolSnapshot>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = new SlotPoolRows(dialect);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText =
            $"SELECT {SlotPoolRows.PoolColumnsAndHeld} " +
            $"FROM pools p WHERE p.release_at >= @from AND p.release_at <= @to ORDER BY p.release_at, p.pool_id LIMIT {MaxPools}";
        SlotPoolRows.Bind(select, "from", dialect.Instant(from));
        SlotPoolRows.Bind(select, "to", dialect.Instant(to));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var pools = new List<SlotPoolSnapshot>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = rows.ReadPool(reader);
            pools.Add(new SlotPoolSnapshot(stored.Definition, stored.Status, Convert.ToInt32(reader.GetValue(SlotPoolRows.PoolColumnCount)), stored.Version));
        }
        return pools;
    }
}
