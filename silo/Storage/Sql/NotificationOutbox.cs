using System.Text.Json;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// The notifications outbox: rows written inside the transaction that decides what they report,
/// read and sent later by a separate sender (which sets <c>sent_at</c>). A rolled-back batch
/// therefore never leaves a notice about a cancellation that did not happen, nor the reverse.
/// </summary>
internal static class NotificationOutbox
{
    private const string InsertPrefix = "INSERT INTO notifications (notification_id, patient_id, kind, payload, created_at, sent_at) VALUES ";

    // Above this many rows a stop-clinic is split into several INSERTs, so however large the clinic
    // one statement stays far below SQLite's host-parameter limit and MySQL's max_allowed_packet.
    private const int RowsPerInsert = 100;

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>Inserts one row per notice; throws (failing the whole batch) if any row is not written.</summary>
    public static async Task WriteAsync(
        StoreTransaction transaction, SqlDialect dialect, IReadOnlyList<ClinicStopNotice> notices, CancellationToken cancellationToken)
    {
        foreach (var chunk in notices.Chunk(RowsPerInsert))
        {
            var rows = chunk.Select((_, i) => $"(@id{i}, @patient{i}, @kind{i}, @payload{i}, @created{i}, NULL)");
            await using var insert = transaction.CreateCommand(InsertPrefix + string.Join(", ", rows));
            for (var i = 0; i < chunk.Length; i++)
            {
                var notice = chunk[i];
                SlotPoolRows.Bind(insert, $"id{i}", notice.NotificationId);
                SlotPoolRows.Bind(insert, $"patient{i}", notice.PatientId);
                SlotPoolRows.Bind(insert, $"kind{i}", ClinicStopNotice.Kind);
                SlotPoolRows.Bind(insert, $"payload{i}", Payload(notice));
                SlotPoolRows.Bind(insert, $"created{i}", dialect.Instant(notice.CreatedAt));
            }
            var written = await insert.ExecuteNonQueryAsync(cancellationToken);
            if (written != chunk.Length)
                throw new InvalidOperationException($"The outbox should have taken {chunk.Length} notices but took {written}; nothing was written.");
        }
    }

    /// <summary>What the sender needs to word the message, as JSON with camelCase names and wire-format values.</summary>
    public static string Payload(ClinicStopNotice notice) => JsonSerializer.Serialize(
        new
        {
            poolId = notice.PoolId,
            reservationId = notice.ReservationId,
            doctorId = notice.DoctorId,
            date = notice.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            session = SnakeCase<ClinicSession>.Name(notice.Session),
            sequenceNumber = notice.SequenceNumber,
            visitTime = notice.VisitTime,
            reason = notice.Reason,
        },
        PayloadJson);
}
