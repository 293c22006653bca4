using OrleansBooking.Api.Contracts.Lottery;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Lottery;

/// <summary>
/// The draw's committed rows for the audit and for "my draws": the pools row (window, seed,
/// lottery_drawn_at) and its <c>lottery_entries</c> (by pool: their key; by patient: through the
/// account's patients).
/// </summary>
internal sealed class SqlLotteryRecords(SqlDialect dialect) : ILotteryRecords
{
    public async Task<PoolLotteryRecord?> ReadPoolAsync(string poolId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var pool = connection.CreateCommand();
        pool.CommandText = "SELECT lottery_window_minutes, release_at, lottery_seed, lottery_drawn_at, quota FROM pools WHERE pool_id = @pool";
        SlotPoolRows.Bind(pool, "pool", poolId);
        PoolLotteryRecord record;
        await using (var reader = await pool.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken)) return null;
            record = new PoolLotteryRecord(
                poolId,
                reader.IsDBNull(0) ? null : Convert.ToInt32(reader.GetValue(0)),
                dialect.ReadInstant(reader, 1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : dialect.ReadInstant(reader, 3),
                Convert.ToInt32(reader.GetValue(4)),
                []);
        }

        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT patient_id, entered_at, draw_rank, won_number FROM lottery_entries WHERE pool_id = @pool";
        SlotPoolRows.Bind(select, "pool", poolId);
        await using var entries = await select.ExecuteReaderAsync(cancellationToken);
        var found = new List<LotteryEntryRecord>();
        while (await entries.ReadAsync(cancellationToken))
            found.Add(new LotteryEntryRecord(entries.GetString(0), dialect.ReadInstant(entries, 1),
                entries.IsDBNull(2) ? null : Convert.ToInt32(entries.GetValue(2)), entries.IsDBNull(3) ? null : Convert.ToInt32(entries.GetValue(3))));
        return record with { Entries = found };
    }

    public async Task<IReadOnlyList<AccountLotteryEntry>> ListAccountEntriesAsync(string accountId, DateOnly from, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText =
            "SELECT e.pool_id, e.patient_id, p.doctor_id, p.visit_date, p.session, e.entered_at, p.release_at, p.lottery_window_minutes, " +
            "p.lottery_drawn_at, e.won_number " +
            "FROM patients pt JOIN lottery_entries e ON e.patient_id = pt.patient_id JOIN pools p ON p.pool_id = e.pool_id " +
            "WHERE pt.account_id = @account AND pt.removed_at IS NULL AND p.visit_date >= @from " +
            "ORDER BY p.visit_date, p.start_time, e.pool_id, e.patient_id";
        SlotPoolRows.Bind(select, "account", accountId);
        SlotPoolRows.Bind(select, "from", dialect.Date(from));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AccountLotteryEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            // Entries exist only in pools that draw; 0 still reads a row whatever its pools row says.
            var window = reader.IsDBNull(7) ? 0 : Convert.ToInt32(reader.GetValue(7));
            entries.Add(new AccountLotteryEntry(
                PoolId: reader.GetString(0),
                PatientId: reader.GetString(1),
                DoctorId: reader.GetString(2),
                Date: dialect.ReadDate(reader, 3),
                Session: reader.GetString(4),
                EnteredAt: dialect.ReadInstant(reader, 5),
                DrawAt: dialect.ReadInstant(reader, 6) + TimeSpan.FromMinutes(window),
                Drawn: !reader.IsDBNull(8),
                WonNumber: reader.IsDBNull(9) ? null : Convert.ToInt32(reader.GetValue(9))));
        }
        return entries;
    }
}
