using System.Data.Common;
using OrleansBooking.Grains.Lottery;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Lottery;

/// <summary>
/// A pool's draw as rows: entries in <c>lottery_entries</c>, the instant of the draw on the pools
/// row. Read with the pool and written in the pool's batch transaction, so the draw, every ticket
/// and the winners' reservations commit together; each statement must touch its row or the batch fails.
/// </summary>
internal sealed class LotteryRows(SqlDialect dialect)
{
    public async Task<PoolLottery> ReadAsync(DbConnection connection, string poolId, CancellationToken cancellationToken)
    {
        DateTimeOffset? drawnAt = null;
        await using (var drawn = connection.CreateCommand())
        {
            drawn.CommandText = "SELECT lottery_drawn_at FROM pools WHERE pool_id = @pool";
            SlotPoolRows.Bind(drawn, "pool", poolId);
            await using var reader = await drawn.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0)) drawnAt = dialect.ReadInstant(reader, 0);
        }

        var entries = new List<LotteryEntry>();
        var tickets = new List<LotteryTicket>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT patient_id, entered_at, idempotency_key, draw_rank, won_number FROM lottery_entries WHERE pool_id = @pool";
            SlotPoolRows.Bind(select, "pool", poolId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var patientId = reader.GetString(0);
                entries.Add(new LotteryEntry(patientId, dialect.ReadInstant(reader, 1), reader.IsDBNull(2) ? null : reader.GetString(2)));
                if (!reader.IsDBNull(3))
                    tickets.Add(new LotteryTicket(patientId, Convert.ToInt32(reader.GetValue(3)), reader.IsDBNull(4) ? null : Convert.ToInt32(reader.GetValue(4))));
            }
        }
        return PoolLottery.Restore(entries, tickets.OrderBy(t => t.Rank).ToList(), drawnAt);
    }

    public async Task WriteAsync(StoreTransaction transaction, string poolId, IReadOnlyList<SlotPoolChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            switch (change)
            {
                case LotteryEntered entered:
                    await ExecuteOneAsync(transaction, poolId, change,
                        "INSERT INTO lottery_entries (pool_id, patient_id, entered_at, idempotency_key) VALUES (@pool, @patient, @at, @key)",
                        command =>
                        {
                            SlotPoolRows.Bind(command, "patient", entered.Entry.PatientId);
                            SlotPoolRows.Bind(command, "at", dialect.Instant(entered.Entry.EnteredAt));
                            SlotPoolRows.Bind(command, "key", entered.Entry.IdempotencyKey);
                        }, cancellationToken);
                    break;
                case LotteryDrawn drawn:
                    // "IS NULL": a second draw of one pool touches no row and fails its batch.
                    await ExecuteOneAsync(transaction, poolId, change,
                        "UPDATE pools SET lottery_drawn_at = @at WHERE pool_id = @pool AND lottery_drawn_at IS NULL",
                        command => SlotPoolRows.Bind(command, "at", dialect.Instant(drawn.DrawnAt)), cancellationToken);
                    foreach (var ticket in drawn.Tickets)
                        await ExecuteOneAsync(transaction, poolId, change,
                            "UPDATE lottery_entries SET draw_rank = @rank, won_number = @number WHERE pool_id = @pool AND patient_id = @patient",
                            command =>
                            {
                                SlotPoolRows.Bind(command, "rank", ticket.Rank);
                                SlotPoolRows.Bind(command, "number", ticket.SequenceNumber);
                                SlotPoolRows.Bind(command, "patient", ticket.PatientId);
                            }, cancellationToken);
                    break;
                default:
                    throw new ArgumentException($"Unknown lottery change {change.GetType().Name}.", nameof(changes));
            }
        }
    }

    private static async Task ExecuteOneAsync(
        StoreTransaction transaction, string poolId, SlotPoolChange change, string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = transaction.CreateCommand(sql);
        SlotPoolRows.Bind(command, "pool", poolId);
        bind(command);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            throw new InvalidOperationException(
                $"Pool '{poolId}': the lottery change {change.GetType().Name} touched no row; the stored draw is not what the pool expected. Nothing was written.");
    }
}
