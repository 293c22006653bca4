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
    public static Task WriteAsync(
        StoreTransaction transaction, SqlDialect dialect, IReadOnlyList<ClinicStopNotice> notices, CancellationToken cancellationToken) =>
        InsertAsync(transaction, dialect, notices, n => new OutboxRow(n.NotificationId, n.PatientId, ClinicStopNotice.Kind, Payload(n), n.CreatedAt), cancellationToken);

    /// <summary>Inserts the payment-due and payment-expired notices of a batch, like <see cref="WriteAsync"/>.</summary>
    public static Task WritePaymentNoticesAsync(
        StoreTransaction transaction, SqlDialect dialect, IReadOnlyList<PaymentNotice> notices, CancellationToken cancellationToken) =>
        InsertAsync(transaction, dialect, notices, n => new OutboxRow(n.NotificationId, n.PatientId, n.Kind, Payload(n), n.CreatedAt), cancellationToken);

    private sealed record OutboxRow(string NotificationId, string PatientId, string Kind, string Payload, DateTimeOffset CreatedAt);

    private static async Task InsertAsync<TNotice>(
        StoreTransaction transaction, SqlDialect dialect, IReadOnlyList<TNotice> notices, Func<TNotice, OutboxRow> row, CancellationToken cancellationToken)
    {
        foreach (var chunk in notices.Chunk(RowsPerInsert))
        {
            var rows = chunk.Select((_, i) => $"(@id{i}, @patient{i}, @kind{i}, @payload{i}, @created{i}, NULL)");
            await using var insert = transaction.CreateCommand(InsertPrefix + string.Join(", ", rows));
            for (var i = 0; i < chunk.Length; i++)
            {
                var notice = row(chunk[i]);
                SlotPoolRows.Bind(insert, $"id{i}", notice.NotificationId);
                SlotPoolRows.Bind(insert, $"patient{i}", notice.PatientId);
                SlotPoolRows.Bind(insert, $"kind{i}", notice.Kind);
                SlotPoolRows.Bind(insert, $"payload{i}", notice.Payload);
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

    /// <summary>A payment notice's payload: the hold, its fee in fen and when it runs out.</summary>
    public static string Payload(PaymentNotice notice) => JsonSerializer.Serialize(
        new
        {
            poolId = notice.PoolId,
            reservationId = notice.ReservationId,
            sequenceNumber = notice.SequenceNumber,
            feeFen = notice.FeeFen,
            holdExpiresAt = notice.HoldExpiresAt,
        },
        PayloadJson);
}
