using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrleansBooking.Api;
using OrleansBooking.Api.Validation;
using OrleansBooking.Silo.Hosting.Notifications;

namespace OrleansBooking.Silo.Notifications;

/// <summary>
/// Words and addresses one outbox row: the reservation's facts as they are now (the patient's
/// masked name, doctor, department, time and number), in the account's language or the hospital's.
/// Decides too when there is nothing to send (a reminder the patient turned off, a visit no longer
/// booked) and when a row can never be sent (its reservation is gone, a code expired unsent).
/// </summary>
public sealed class NotificationComposer(INotificationQueue queue, SealedMessages seals, HospitalTime time, IOptions<NotificationOptions> options)
{
    public async Task<Composition> ComposeAsync(QueuedNotification row, CancellationToken cancellationToken)
    {
        if (NotificationKinds.AboutAPool.Contains(row.Kind)) return await ComposeAboutPoolAsync(row, cancellationToken);
        if (!NotificationTexts.Knows(row.Kind)) return new Composition.GiveUp($"There are no words for kind '{row.Kind}'.");
        if (NotificationKinds.Sealed.Contains(row.Kind)) return ComposeSealed(row);

        using var payload = ParseOrNull(row.Payload);
        if (payload is null || Text(payload.RootElement, "reservationId") is not { } reservationId)
            return new Composition.GiveUp("The payload names no reservation.");
        if (await queue.ReservationFactsAsync(reservationId, cancellationToken) is not { } facts)
            return new Composition.GiveUp($"Reservation '{reservationId}' is not stored.");
        if (row.Kind == NotificationKinds.VisitReminder && (!facts.RemindersOn || facts.Status != "booked"))
            return new Composition.Skip(facts.RemindersOn ? "The visit is no longer booked." : "The patient turned reminders off.");

        var language = facts.Language ?? options.Value.Language;
        var words = NotificationTexts.Word(row.Kind, language, new MessageFacts(
            MaskedName: facts.PatientName is { } name ? NameMasking.Mask(name) : null,
            Doctor: facts.DoctorName ?? facts.DoctorId,
            Department: facts.DepartmentName,
            Date: facts.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Session: facts.Session,
            Time: LocalTime(facts.VisitTime),
            Number: facts.SequenceNumber,
            // Only a stop-clinic's reason is words for the patient; a cancellation's is a code.
            Reason: row.Kind == NotificationKinds.ClinicStopped ? Text(payload.RootElement, "reason") : null,
            Deadline: Instant(payload.RootElement, "holdExpiresAt") is { } deadline ? LocalDateTime(deadline) : null));
        return new Composition.Send(
            new OutgoingNotification(row.NotificationId, row.Kind, facts.PatientId, facts.Mobile, language, words, row.CreatedAt), EmptyPayload: false);
    }

    /// <summary>A waitlist offer or a lottery result: the pool's facts as they are now, the number and time from the message.</summary>
    private async Task<Composition> ComposeAboutPoolAsync(QueuedNotification row, CancellationToken cancellationToken)
    {
        using var payload = ParseOrNull(row.Payload);
        if (payload is null || Text(payload.RootElement, "poolId") is not { } poolId) return new Composition.GiveUp("The payload names no pool.");
        if (await queue.PoolFactsAsync(poolId, row.PatientId, cancellationToken) is not { } facts)
            return new Composition.GiveUp($"Pool '{poolId}' is not stored.");
        var root = payload.RootElement;
        var template = row.Kind != NotificationKinds.LotteryResult ? row.Kind
            : root.TryGetProperty("won", out var won) && won.ValueKind == JsonValueKind.True ? NotificationKinds.LotteryWon : NotificationKinds.LotteryLost;
        var language = facts.Language ?? options.Value.Language;
        var words = NotificationTexts.Word(template, language, new MessageFacts(
            MaskedName: facts.PatientName is { } name ? NameMasking.Mask(name) : null,
            Doctor: facts.DoctorName ?? facts.DoctorId,
            Department: facts.DepartmentName,
            Date: facts.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Session: facts.Session,
            Time: Instant(root, "visitTime") is { } visit ? LocalTime(visit) : null,
            Number: root.TryGetProperty("sequenceNumber", out var number) && number.TryGetInt32(out var n) ? n : null,
            Reason: row.Kind == NotificationKinds.WaitlistEnded ? Text(root, "reason") : null,
            Deadline: Instant(root, "offerExpiresAt") is { } deadline ? LocalDateTime(deadline) : null));
        return new Composition.Send(
            new OutgoingNotification(row.NotificationId, row.Kind, row.PatientId, facts.Mobile, language, words, row.CreatedAt), EmptyPayload: false);
    }

    private Composition ComposeSealed(QueuedNotification row)
    {
        if (seals.Open(row.Payload) is not { } message) return new Composition.GiveUp("The sealed message cannot be opened (emptied, or sealed with a lost key).");
        var now = time.Now;
        if (message.ExpiresAt is { } expires && expires <= now) return new Composition.GiveUp("The code expired before it could be delivered.");
        var language = options.Value.Language;
        var words = NotificationTexts.Word(row.Kind, language, new MessageFacts(
            Code: message.Code,
            Minutes: message.ExpiresAt is { } expiry ? (int)Math.Ceiling((expiry - now).TotalMinutes) : null));
        return new Composition.Send(new OutgoingNotification(row.NotificationId, row.Kind, null, message.Mobile, language, words, row.CreatedAt), EmptyPayload: true);
    }

    private string LocalTime(DateTimeOffset instant) => time.ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    private string LocalDateTime(DateTimeOffset instant) => time.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static JsonDocument? ParseOrNull(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static DateTimeOffset? Instant(JsonElement payload, string name) =>
        Text(payload, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;
}

/// <summary>What to do with one outbox row.</summary>
public abstract record Composition
{
    private Composition() { }

    /// <summary>Send it; <paramref name="EmptyPayload"/> forgets the sealed payload once it is delivered or given up.</summary>
    public sealed record Send(OutgoingNotification Notification, bool EmptyPayload) : Composition;

    /// <summary>Nothing to send: the row is done without a message.</summary>
    public sealed record Skip(string Reason) : Composition;

    /// <summary>It can never be sent: given up at once, with the reason kept for the operator.</summary>
    public sealed record GiveUp(string Reason) : Composition;
}
