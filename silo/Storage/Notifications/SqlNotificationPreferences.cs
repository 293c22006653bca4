using OrleansBooking.Api.Contracts.Notifications;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Notifications;

/// <summary>notification_preferences (migration 0040): one row per account that chose; no row is the default.</summary>
internal sealed class SqlNotificationPreferences(SqlDialect dialect) : INotificationPreferences
{
    public async Task<NotificationPreferences> ReadAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT reminders, language FROM notification_preferences WHERE account_id = @account";
        SlotPoolRows.Bind(select, "account", accountId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return NotificationPreferences.Default;
        return new NotificationPreferences(Convert.ToInt64(reader.GetValue(0)) != 0, reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    public async Task SaveAsync(string accountId, NotificationPreferences preferences, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        await using (var update = transaction.CreateCommand(
            "UPDATE notification_preferences SET reminders = @reminders, language = @language, updated_at = @at WHERE account_id = @account"))
        {
            Bind(update, accountId, preferences, at);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await using var insert = transaction.CreateCommand(
                    "INSERT INTO notification_preferences (account_id, reminders, language, updated_at) VALUES (@account, @reminders, @language, @at)");
                Bind(insert, accountId, preferences, at);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private void Bind(System.Data.Common.DbCommand command, string accountId, NotificationPreferences preferences, DateTimeOffset at)
    {
        SlotPoolRows.Bind(command, "account", accountId);
        SlotPoolRows.Bind(command, "reminders", preferences.Reminders ? 1 : 0);
        SlotPoolRows.Bind(command, "language", preferences.Language);
        SlotPoolRows.Bind(command, "at", dialect.Instant(at));
    }
}
