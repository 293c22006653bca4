using OrleansBooking.Api.Accounts;
using OrleansBooking.Silo.Notifications;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Accounts;

/// <summary>
/// Sends one-time codes through the notifications dispatcher: it queues the message in the outbox
/// with the number and the code sealed (never in plain text), and the dispatcher opens, sends and
/// empties it. <see cref="OnlyRecords"/> is true when the configured sender is the development
/// <c>log</c> one, which production refuses unless told to accept it.
/// It is never a bypass: the code is still required, hashed, limited and expiring.
/// </summary>
internal sealed class OutboxCodeSender(SqlDialect dialect, SealedMessages seals, TimeProvider clock, bool onlyRecords) : ISignInCodeSender
{
    public bool OnlyRecords => onlyRecords;

    public Task SendAsync(string mobile, CodePurpose purpose, string code, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        QueueAsync(NotificationKinds.SignInCode, new SealedMessage(mobile, purpose.ToString(), code, expiresAt, Notice: null), cancellationToken);

    public Task SendNoticeAsync(string mobile, AccountNotice notice, CancellationToken cancellationToken) =>
        QueueAsync(NotificationKinds.AccountNotice, new SealedMessage(mobile, Purpose: null, Code: null, ExpiresAt: null, notice.ToString()), cancellationToken);

    private async Task QueueAsync(string kind, SealedMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        // The notifications table is keyed for patients; a code goes to a number that may not be one yet.
        await NotificationOutbox.WriteAsync(
            transaction, dialect, [new OutboxMessage(Guid.NewGuid().ToString("N"), "", kind, seals.Seal(message), clock.GetUtcNow())], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
