using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Contracts.Notifications;
using OrleansBooking.Silo.Notifications;
using OrleansBooking.Silo.Storage.Accounts;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Notifications;

/// <summary>The notifications' side of the configured database: the outbox as a queue, the accounts' preferences, the code sender that queues.</summary>
public sealed class NotificationStore
{
    private readonly SqlDialect dialect;

    private NotificationStore(SqlDialect dialect)
    {
        this.dialect = dialect;
        Queue = new SqlNotificationQueue(dialect);
        Preferences = new SqlNotificationPreferences(dialect);
    }

    public INotificationQueue Queue { get; }

    public INotificationPreferences Preferences { get; }

    /// <summary>The one-time code sender that queues sealed codes for the dispatcher.</summary>
    public ISignInCodeSender CodeSender(SealedMessages seals, TimeProvider clock, bool onlyRecords) =>
        new OutboxCodeSender(dialect, seals, clock, onlyRecords);

    /// <exception cref="ArgumentException">The options are invalid; the message names the option.</exception>
    public static NotificationStore Create(StorageOptions options) => new(SqlDialects.Create(options));
}
