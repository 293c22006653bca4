using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>Finds a reservation's pool from committed rows only, so an id is findable once it is durable.</summary>
internal sealed class SqlReservationIndex(SqlDialect dialect) : IReservationIndex
{
    public async Task<string?> FindPoolIdAsync(string reservationId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pool_id FROM reservations WHERE reservation_id = @rid";
        SlotPoolRows.Bind(command, "rid", reservationId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
