using System.Text.Json;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Notifications;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// Writes the notifications outbox: rows written inside the transaction that decides what they
/// report, delivered later by the dispatcher (which sets <c>sent_at</c>). A rolled-back batch
/// therefore never leaves a notice about a cancellation that did not happen, nor the reverse.
/// Ids are derived from what they report (<c>booked-{reservationId}</c>), so a row written twice is one row.
/// </summary>
internal static class NotificationOutbox
{
    private const string Columns = " notifications (notification_id, patient_id, kind, payload, created_at, sent_at) ";

    // Above this many rows one write is split into several INSERTs, so however large the clinic or
    // the batch, one statement stays far below SQLite's host-parameter limit and MySQL's max_allowed_packet.
    private const int RowsPerInsert = 100;

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    // A loser's result has no number: the field is left out rather than null, as the composer reads it.
    private static readonly JsonSerializerOptions PayloadJsonWithoutNulls = new(PayloadJson)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Inserts one row per message; throws (failing the whole transaction) if any row is not written.
    /// With <paramref name="skipExisting"/> rows whose id is stored already are left as they are instead.
    /// Returns the rows written.
    /// </summary>
    public static async Task<int> WriteAsync(
        StoreTransaction transaction, SqlDialect dialect, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken,
        bool skipExisting = false)
    {
        var insert = skipExisting ? dialect.InsertSkippingDuplicates : "INSERT INTO";
        var total = 0;
        foreach (var chunk in messages.Chunk(RowsPerInsert))
        {
            var rows = chunk.Select((_, i) => $"(@id{i}, @patient{i}, @kind{i}, @payload{i}, @created{i}, NULL)");
            await using var command = transaction.CreateCommand(
                insert + Columns + "VALUES " + string.Join(", ", rows));
            for (var i = 0; i < chunk.Length; i++)
            {
                var message = chunk[i];
                SlotPoolRows.Bind(command, $"id{i}", message.NotificationId);
                SlotPoolRows.Bind(command, $"patient{i}", message.PatientId);
                SlotPoolRows.Bind(command, $"kind{i}", message.Kind);
                SlotPoolRows.Bind(command, $"payload{i}", message.Payload);
                SlotPoolRows.Bind(command, $"created{i}", dialect.Instant(message.CreatedAt));
            }
            var written = await command.ExecuteNonQueryAsync(cancellationToken);
            if (!skipExisting && written != chunk.Length)
                throw new InvalidOperationException($"The outbox should have taken {chunk.Length} messages but took {written}; nothing was written.");
            total += written;
        }
        return total;
    }

    /// <summary>
    /// One cancellation notice per reservation, the patient read from the reservation row in the same
    /// statement (a cancellation change names only the reservation).
    /// </summary>
    public static async Task WriteCancellationsAsync(
        StoreTransaction transaction, SqlDialect dialect, IReadOnlyList<ReservationCancelled> cancellations, CancellationToken cancellationToken)
    {
        foreach (var chunk in cancellations.Chunk(RowsPerInsert))
        {
            var rows = chunk.Select((_, i) =>
                $"SELECT @id{i}, patient_id, @kind, @payload{i}, @created{i}, NULL FROM reservations WHERE reservation_id = @reservation{i}");
            await using var command = transaction.CreateCommand("INSERT INTO" + Columns + string.Join(" UNION ALL ", rows));
            SlotPoolRows.Bind(command, "kind", NotificationKinds.ReservationCancelled);
            for (var i = 0; i < chunk.Length; i++)
            {
                var cancelled = chunk[i];
                SlotPoolRows.Bind(command, $"id{i}", "cancelled-" + cancelled.ReservationId);
                SlotPoolRows.Bind(command, $"payload{i}", JsonSerializer.Serialize(
                    new { reservationId = cancelled.ReservationId, reason = SnakeCase<CancellationReason>.Name(cancelled.Reason) }, PayloadJson));
                SlotPoolRows.Bind(command, $"created{i}", dialect.Instant(cancelled.CancelledAt));
                SlotPoolRows.Bind(command, $"reservation{i}", cancelled.ReservationId);
            }
            var written = await command.ExecuteNonQueryAsync(cancellationToken);
            if (written != chunk.Length)
                throw new InvalidOperationException($"The outbox should have taken {chunk.Length} cancellation notices but took {written}; nothing was written.");
        }
    }

    /// <summary>The confirmation of a booking: which reservation (the dispatcher reads the rest when it words the message).</summary>
    public static OutboxMessage Confirmation(Reservation reservation) =>
        Confirmation(reservation.ReservationId, reservation.PatientId, reservation.CreatedAt);

    /// <summary>The confirmation of a booking made at <paramref name="at"/> (a hold paid then, or a number booked at once).</summary>
    public static OutboxMessage Confirmation(string reservationId, string patientId, DateTimeOffset at) => new(
        "booked-" + reservationId, patientId, NotificationKinds.BookingConfirmed,
        JsonSerializer.Serialize(new { reservationId }, PayloadJson), at);

    /// <summary>The reminder the day before a visit; one per reservation however often the day is scanned.</summary>
    public static OutboxMessage Reminder(string reservationId, string patientId, DateTimeOffset now) => new(
        "reminder-" + reservationId, patientId, NotificationKinds.VisitReminder,
        JsonSerializer.Serialize(new { reservationId }, PayloadJson), now);

    public static OutboxMessage StopClinic(ClinicStopNotice notice) =>
        new(notice.NotificationId, notice.PatientId, ClinicStopNotice.Kind, Payload(notice), notice.CreatedAt);

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

    /// <summary>A waitlist offer: the pool and the number held, and until when (the dispatcher reads the rest).</summary>
    public static OutboxMessage WaitlistOffer(Grains.Waitlist.WaitlistOfferMade made) => new(
        made.NotificationId, made.Offer.PatientId, NotificationKinds.WaitlistOffer,
        JsonSerializer.Serialize(new
        {
            poolId = made.PoolId,
            sequenceNumber = made.Offer.SequenceNumber,
            visitTime = made.Offer.VisitTime,
            offerExpiresAt = made.Offer.ExpiresAt,
        }, PayloadJson),
        made.Offer.OfferedAt);

    /// <summary>A waiting patient told the clinic was stopped: the pool and the hospital's reason (the dispatcher reads the rest).</summary>
    public static OutboxMessage WaitlistEnded(Grains.Waitlist.WaitlistWithdrawn withdrawn) => new(
        withdrawn.NotificationId, withdrawn.PatientId, NotificationKinds.WaitlistEnded,
        JsonSerializer.Serialize(new { poolId = withdrawn.PoolId, reason = withdrawn.Reason }, PayloadJson),
        withdrawn.At);

    /// <summary>An entrant's draw result: the pool, won or not, and a winner's number, time and reservation.</summary>
    public static OutboxMessage LotteryResult(Grains.Lottery.LotteryResultNotice notice) => new(
        notice.NotificationId, notice.PatientId, NotificationKinds.LotteryResult,
        JsonSerializer.Serialize(new
        {
            poolId = notice.PoolId,
            won = notice.Won,
            sequenceNumber = notice.SequenceNumber,
            visitTime = notice.VisitTime,
            reservationId = notice.ReservationId,
        }, PayloadJsonWithoutNulls),
        notice.DrawnAt);

    /// <summary>A payment-due or payment-expired notice as an outbox row.</summary>
    public static OutboxMessage Payment(PaymentNotice notice) =>
        new(notice.NotificationId, notice.PatientId, notice.Kind, Payload(notice), notice.CreatedAt);

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

/// <summary>One outbox row as written: who it is for, what kind, and the JSON the dispatcher words it from.</summary>
internal sealed record OutboxMessage(string NotificationId, string PatientId, string Kind, string Payload, DateTimeOffset CreatedAt);
