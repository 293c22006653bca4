using OrleansBooking.Api.Contracts.Waitlist;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Waitlist;

/// <summary>
/// An account's patients' waitlist entries: patients by account (its index), their entries by
/// patient (migration 0042's index); a waiting entry's position is counted among its pool's waiting rows.
/// </summary>
internal sealed class SqlAccountWaitlists(SqlDialect dialect) : IAccountWaitlists
{
    public async Task<IReadOnlyList<AccountWaitlistEntry>> ListAsync(string accountId, DateOnly from, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText =
            "SELECT w.pool_id, w.patient_id, p.doctor_id, p.visit_date, p.session, w.status, " +
            "CASE WHEN w.status = 'waiting' THEN (SELECT COUNT(*) FROM waitlist_entries q " +
            "WHERE q.pool_id = w.pool_id AND q.status = 'waiting' AND q.turn <= w.turn) END, " +
            "w.lapse, w.offer_number, w.offer_expires_at, w.reservation_id, w.joined_at, w.ended_at " +
            "FROM patients pt JOIN waitlist_entries w ON w.patient_id = pt.patient_id JOIN pools p ON p.pool_id = w.pool_id " +
            "WHERE pt.account_id = @account AND pt.removed_at IS NULL AND p.visit_date >= @from " +
            "ORDER BY p.visit_date, p.start_time, w.pool_id, w.patient_id";
        SlotPoolRows.Bind(select, "account", accountId);
        SlotPoolRows.Bind(select, "from", dialect.Date(from));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AccountWaitlistEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AccountWaitlistEntry(
                PoolId: reader.GetString(0),
                PatientId: reader.GetString(1),
                DoctorId: reader.GetString(2),
                Date: dialect.ReadDate(reader, 3),
                Session: reader.GetString(4),
                Status: reader.GetString(5),
                Position: reader.IsDBNull(6) ? null : Convert.ToInt32(reader.GetValue(6)),
                Lapse: reader.IsDBNull(7) ? null : reader.GetString(7),
                OfferNumber: reader.IsDBNull(8) ? null : Convert.ToInt32(reader.GetValue(8)),
                OfferExpiresAt: reader.IsDBNull(9) ? null : dialect.ReadInstant(reader, 9),
                ReservationId: reader.IsDBNull(10) ? null : reader.GetString(10),
                JoinedAt: dialect.ReadInstant(reader, 11),
                EndedAt: reader.IsDBNull(12) ? null : dialect.ReadInstant(reader, 12)));
        }
        return entries;
    }
}
