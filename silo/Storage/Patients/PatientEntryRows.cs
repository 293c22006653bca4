using System.Data.Common;
using OrleansBooking.Grains.Lottery;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Patients;

/// <summary>
/// The patients' entries in draws not yet drawn, read from the pools' <c>lottery_entries</c> (migration
/// 0043; by patient through migration 0045's index), so a patient grain loaded again counts them toward
/// its limits as the one before did.
/// </summary>
internal sealed class PatientEntryRows(SqlDialect dialect)
{
    /// <summary>
    /// Each patient's entries in pools that have not drawn, with the draw's instant (the release plus
    /// the window). Past ones are read too: the grain's clock, not the database's, says which are due.
    /// Patients without any are absent.
    /// </summary>
    public async Task<Dictionary<string, List<DrawEntryPlace>>> ReadUndrawnAsync(
        DbConnection connection, IReadOnlyCollection<string> patientIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, List<DrawEntryPlace>>(StringComparer.Ordinal);
        if (patientIds.Count == 0) return found;
        await using var command = connection.CreateCommand();
        var names = patientIds.Select((_, i) => $"@p{i}");
        command.CommandText =
            "SELECT e.patient_id, e.pool_id, p.visit_date, p.department_id, p.release_at, p.lottery_window_minutes " +
            "FROM lottery_entries e JOIN pools p ON p.pool_id = e.pool_id " +
            $"WHERE e.patient_id IN ({string.Join(", ", names)}) AND p.lottery_drawn_at IS NULL AND p.lottery_window_minutes IS NOT NULL";
        var i = 0;
        foreach (var patientId in patientIds) SlotPoolRows.Bind(command, $"p{i++}", patientId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var window = new LotteryWindow(TimeSpan.FromMinutes(Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture)));
            var entry = new DrawEntryPlace(
                PoolId: reader.GetString(1),
                Day: new VisitDay(dialect.ReadDate(reader, 2), reader.IsDBNull(3) ? null : reader.GetString(3)),
                DrawAt: window.ClosesAt(dialect.ReadInstant(reader, 4)));
            var patientId = reader.GetString(0);
            if (!found.TryGetValue(patientId, out var entries)) found[patientId] = entries = [];
            entries.Add(entry);
        }
        return found;
    }
}
