using OrleansBooking.Grains.Waitlist;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Waitlist;

/// <summary>The waitlists a patient is on (waiting or holding an offer) for sessions from a day on: committed rows.</summary>
internal sealed class SqlWaitlistRecords(SqlDialect dialect) : IWaitlistRecords
{
    public async Task<int> CountWaitlistsAsync(string patientId, DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText =
            "SELECT COUNT(*) FROM waitlist_entries w JOIN pools p ON p.pool_id = w.pool_id " +
            "WHERE w.patient_id = @patient AND w.status IN ('waiting', 'offered') AND p.visit_date >= @today";
        SlotPoolRows.Bind(count, "patient", patientId);
        SlotPoolRows.Bind(count, "today", dialect.Date(today));
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken));
    }
}
