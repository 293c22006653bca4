using Microsoft.Extensions.Logging;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Validation;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Accounts;

/// <summary>
/// The built-in code sender: it records the message in the notifications outbox (for a gateway
/// that sends the outbox) and in the log, for developers. It sends nothing itself, so production
/// refuses to start with it unless Booking:Accounts:AcceptOutboxCodeSender says an outbox sender runs.
/// It is never a bypass: the code is still required, hashed, limited and expiring.
/// </summary>
internal sealed partial class OutboxCodeSender(SqlDialect dialect, TimeProvider clock, ILogger<OutboxCodeSender> logger) : ISignInCodeSender
{
    public const string Kind = "sign_in_code";

    public bool OnlyRecords => true;

    public async Task SendAsync(string mobile, CodePurpose purpose, string code, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var text = $"Your OrleansBooking code is {code}. It expires in {(int)Math.Ceiling((expiresAt - clock.GetUtcNow()).TotalMinutes)} minutes.";
        await RecordAsync(mobile, purpose.ToString(), text, cancellationToken);
        LogCode(PhoneMasking.Mask(mobile), purpose, code);
    }

    public async Task SendNoticeAsync(string mobile, AccountNotice notice, CancellationToken cancellationToken)
    {
        var text = notice switch
        {
            AccountNotice.AlreadyRegistered =>
                "Someone asked to open an OrleansBooking account with this number. You already have one: sign in, or reset your password. No code was sent.",
            _ => throw new System.Diagnostics.UnreachableException($"Unknown notice {notice}."),
        };
        await RecordAsync(mobile, notice.ToString(), text, cancellationToken);
        LogNotice(PhoneMasking.Mask(mobile), notice);
    }

    private async Task RecordAsync(string mobile, string purpose, string text, CancellationToken cancellationToken)
    {
        await using (var connection = await dialect.OpenAsync(cancellationToken))
        await using (var insert = connection.CreateCommand())
        {
            // The notifications table is keyed for patients; a code goes to a number that may not be one yet.
            insert.CommandText = "INSERT INTO notifications (notification_id, patient_id, kind, payload, created_at, sent_at) " +
                "VALUES (@id, '', @kind, @payload, @created, NULL)";
            SlotPoolRows.Bind(insert, "id", Guid.NewGuid().ToString("N"));
            SlotPoolRows.Bind(insert, "kind", Kind);
            SlotPoolRows.Bind(insert, "payload", System.Text.Json.JsonSerializer.Serialize(new { mobile, purpose, text }));
            SlotPoolRows.Bind(insert, "created", dialect.Instant(clock.GetUtcNow()));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "One-time {Purpose} code for {Mobile}: {Code} (recorded in the outbox; no SMS sent)")]
    private partial void LogCode(string mobile, CodePurpose purpose, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {Notice} for {Mobile} (recorded in the outbox; no SMS sent)")]
    private partial void LogNotice(string mobile, AccountNotice notice);
}
