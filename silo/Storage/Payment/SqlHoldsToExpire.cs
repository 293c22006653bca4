using OrleansBooking.Silo.Hosting.Payment;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Payment;

/// <summary>Pools with a reservation still pending payment whose hold ran out (index ix_reservations_holds).</summary>
internal sealed class SqlHoldsToExpire(SqlDialect dialect) : IHoldsToExpire
{
    public async Task<IReadOnlyList<string>> FindPoolsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT DISTINCT r.pool_id FROM reservations r WHERE r.status = 'pending_payment' AND r.hold_expires_at <= @now";
        SlotPoolRows.Bind(command, "now", dialect.Instant(now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) found.Add(reader.GetString(0));
        return found;
    }
}
