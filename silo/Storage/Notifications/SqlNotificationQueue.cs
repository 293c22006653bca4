using System.Data.Common;
using OrleansBooking.Silo.Notifications;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Notifications;

/// <summary>The outbox's delivery columns (migration 0040) and the reads that word a message, on either engine.</summary>
internal sealed class SqlNotificationQueue(SqlDialect dialect) : INotificationQueue
{
    private const int MaxErrorLength = 500;

    public async Task<IReadOnlyList<QueuedNotification>> DueAsync(DateTimeOffset now, int max, DeliveryHold? hold, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        var held = "";
        if (hold is { Kinds.Count: > 0 })
        {
            var kinds = string.Join(", ", hold.Kinds.Select((kind, i) => "@held" + i));
            held = $"AND (created_at <= @heldAfter OR kind NOT IN ({kinds})) ";
            SlotPoolRows.Bind(select, "heldAfter", dialect.Instant(hold.WrittenAfter));
            for (var i = 0; i < hold.Kinds.Count; i++) SlotPoolRows.Bind(select, "held" + i, hold.Kinds[i]);
        }
        select.CommandText =
            "SELECT notification_id, patient_id, kind, payload, attempts, created_at FROM notifications " +
            "WHERE sent_at IS NULL AND dead_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= @now) " + held +
            "ORDER BY created_at, notification_id LIMIT @max";
        SlotPoolRows.Bind(select, "now", dialect.Instant(now));
        SlotPoolRows.Bind(select, "max", max);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var due = new List<QueuedNotification>();
        while (await reader.ReadAsync(cancellationToken))
            due.Add(new QueuedNotification(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Convert.ToInt32(reader.GetValue(4)),
                dialect.ReadInstant(reader, 5)));
        return due;
    }

    public async Task<ReservationFacts?> ReservationFactsAsync(string reservationId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText =
            "SELECT r.patient_id, pa.name, pa.phone, np.reminders, np.language, p.doctor_id, d.name, dep.name, " +
            "p.visit_date, p.session, r.sequence_number, r.visit_time, r.status " +
            "FROM reservations r JOIN pools p ON p.pool_id = r.pool_id " +
            "LEFT JOIN patients pa ON pa.patient_id = r.patient_id " +
            "LEFT JOIN notification_preferences np ON np.account_id = pa.account_id " +
            "LEFT JOIN doctors d ON d.doctor_id = p.doctor_id " +
            "LEFT JOIN departments dep ON dep.department_id = p.department_id " +
            "WHERE r.reservation_id = @reservation";
        SlotPoolRows.Bind(select, "reservation", reservationId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new ReservationFacts(
            reader.GetString(0), TextOrNull(reader, 1), TextOrNull(reader, 2),
            reader.IsDBNull(3) || Convert.ToInt64(reader.GetValue(3)) != 0, TextOrNull(reader, 4),
            reader.GetString(5), TextOrNull(reader, 6), TextOrNull(reader, 7),
            dialect.ReadDate(reader, 8), reader.GetString(9), Convert.ToInt32(reader.GetValue(10)), dialect.ReadInstant(reader, 11),
            reader.GetString(12));
    }

    public async Task<ReservationFacts?> PoolFactsAsync(string poolId, string patientId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText =
            "SELECT pa.name, pa.phone, np.reminders, np.language, p.doctor_id, d.name, dep.name, p.visit_date, p.session " +
            "FROM pools p LEFT JOIN patients pa ON pa.patient_id = @patient " +
            "LEFT JOIN notification_preferences np ON np.account_id = pa.account_id " +
            "LEFT JOIN doctors d ON d.doctor_id = p.doctor_id " +
            "LEFT JOIN departments dep ON dep.department_id = p.department_id " +
            "WHERE p.pool_id = @pool";
        SlotPoolRows.Bind(select, "pool", poolId);
        SlotPoolRows.Bind(select, "patient", patientId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new ReservationFacts(
            patientId, TextOrNull(reader, 0), TextOrNull(reader, 1),
            reader.IsDBNull(2) || Convert.ToInt64(reader.GetValue(2)) != 0, TextOrNull(reader, 3),
            reader.GetString(4), TextOrNull(reader, 5), TextOrNull(reader, 6),
            dialect.ReadDate(reader, 7), reader.GetString(8), SequenceNumber: 0, VisitTime: default, Status: "none");
    }

    public async Task MarkSentAsync(IReadOnlyCollection<SentNotification> sent, CancellationToken cancellationToken)
    {
        if (sent.Count == 0) return;
        await using var connection = await dialect.OpenAsync(cancellationToken);
        // The write turn and one transaction: queued behind the pools' commits, never racing them for the lock.
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        foreach (var one in sent)
        {
            await using var update = transaction.CreateCommand(
                "UPDATE notifications SET sent_at = @at, attempts = @attempts, next_attempt_at = NULL, last_error = NULL" +
                (one.EmptyPayload ? ", payload = '{}'" : "") + " WHERE notification_id = @id");
            SlotPoolRows.Bind(update, "at", dialect.Instant(one.At));
            SlotPoolRows.Bind(update, "attempts", one.Attempts);
            SlotPoolRows.Bind(update, "id", one.NotificationId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(
        string notificationId, int attempts, DateTimeOffset? retryAt, DateTimeOffset? deadAt, string error, bool emptyPayload,
        CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        await using var update = transaction.CreateCommand(
            "UPDATE notifications SET attempts = @attempts, next_attempt_at = @retry, dead_at = @dead, last_error = @error" +
            (emptyPayload ? ", payload = '{}'" : "") + " WHERE notification_id = @id");
        SlotPoolRows.Bind(update, "attempts", attempts);
        SlotPoolRows.Bind(update, "retry", retryAt is { } retry ? dialect.Instant(retry) : null);
        SlotPoolRows.Bind(update, "dead", deadAt is { } dead ? dialect.Instant(dead) : null);
        SlotPoolRows.Bind(update, "error", error.Length > MaxErrorLength ? error[..MaxErrorLength] : error);
        SlotPoolRows.Bind(update, "id", notificationId);
        await update.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> QueueRemindersAsync(DateOnly visitDate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var visits = await BookedVisitsAsync(connection, visitDate, cancellationToken);
        if (visits.Count == 0) return 0;
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        // Ids are per reservation, so a second scan of the same day (a restart, the next tick) adds nothing.
        var added = await NotificationOutbox.WriteAsync(
            transaction, dialect, visits.Select(v => NotificationOutbox.Reminder(v.ReservationId, v.PatientId, now)).ToList(), cancellationToken,
            skipExisting: true);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    private async Task<List<(string ReservationId, string PatientId)>> BookedVisitsAsync(
        DbConnection connection, DateOnly visitDate, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText =
            "SELECT r.reservation_id, r.patient_id FROM pools p JOIN reservations r ON r.pool_id = p.pool_id " +
            "WHERE p.visit_date = @date AND p.status = 'open' AND r.status = 'booked' AND NOT EXISTS (" +
            "SELECT 1 FROM patients pa JOIN notification_preferences np ON np.account_id = pa.account_id " +
            "WHERE pa.patient_id = r.patient_id AND np.reminders = 0)";
        SlotPoolRows.Bind(select, "date", dialect.Date(visitDate));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var visits = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken)) visits.Add((reader.GetString(0), reader.GetString(1)));
        return visits;
    }

    private static string? TextOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
