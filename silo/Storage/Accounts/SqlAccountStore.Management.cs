using System.Data.Common;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Accounts;

/// <summary>What admins and account owners change: listing, disabling, a new login, the account's sessions (migration 0009).</summary>
internal sealed partial class SqlAccountStore
{
    public async Task<IReadOnlyList<Account>> ListAsync(string? role, string? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {Columns} FROM accounts WHERE (@role IS NULL OR role = @role) AND (@after IS NULL OR account_id > @after) " +
            "ORDER BY account_id LIMIT @limit";
        SlotPoolRows.Bind(select, "role", role);
        SlotPoolRows.Bind(select, "after", after);
        SlotPoolRows.Bind(select, "limit", limit);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<Account>();
        while (await reader.ReadAsync(cancellationToken)) accounts.Add(Read(reader));
        return accounts;
    }

    public async Task SetDisabledAsync(string accountId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE accounts SET disabled_at = @at, updated_at = @now WHERE account_id = @account";
        SlotPoolRows.Bind(update, "at", at is { } instant ? dialect.Instant(instant) : null);
        SlotPoolRows.Bind(update, "now", dialect.Instant(clock.GetUtcNow()));
        SlotPoolRows.Bind(update, "account", accountId);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> ChangeLoginAsync(string accountId, string login, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE accounts SET login = @login, updated_at = @now WHERE account_id = @account";
        SlotPoolRows.Bind(update, "login", login);
        SlotPoolRows.Bind(update, "now", dialect.Instant(clock.GetUtcNow()));
        SlotPoolRows.Bind(update, "account", accountId);
        try
        {
            return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (DbException e) when (dialect.IsDuplicateKey(e))
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<string>> ListSessionIdsAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT session_id FROM account_sessions WHERE account_id = @account ORDER BY session_id";
        SlotPoolRows.Bind(select, "account", accountId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var sessions = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) sessions.Add(reader.GetString(0));
        return sessions;
    }
}
