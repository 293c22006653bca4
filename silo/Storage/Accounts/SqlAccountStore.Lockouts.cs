using System.Data.Common;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Accounts;

/// <summary>Wrong-password streaks and locks per (account, client address) (migration 0008), and password changes.</summary>
internal sealed partial class SqlAccountStore
{
    public async Task<DateTimeOffset?> FindSignInLockAsync(string accountId, string client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT locked_until FROM sign_in_lockouts WHERE account_id = @account AND client = @client AND locked_until > @now";
        BindLockKey(select, accountId, client);
        SlotPoolRows.Bind(select, "now", dialect.Instant(now));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? dialect.ReadInstant(reader, 0) : null;
    }

    public async Task<DateTimeOffset?> RecordFailedSignInAsync(
        string accountId, string client, int maxFailures, Func<int, DateTimeOffset> lockUntil, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var now = dialect.Instant(clock.GetUtcNow());
        // The pair's row exists before the transaction that counts on it: a duplicate means another
        // guess made it first. Creating it inside would let two first guesses deadlock on MySQL.
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO sign_in_lockouts (account_id, client, failures, lockouts, locked_until, updated_at) " +
                "VALUES (@account, @client, 0, 0, NULL, @now)";
            BindLockKey(insert, accountId, client);
            SlotPoolRows.Bind(insert, "now", now);
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException e) when (dialect.IsDuplicateKey(e))
            {
            }
        }

        // The UPDATE locks the row until COMMIT, so each guess reads the count it made.
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        await using (var count = transaction.CreateCommand(
            "UPDATE sign_in_lockouts SET failures = failures + 1, updated_at = @now WHERE account_id = @account AND client = @client"))
        {
            BindLockKey(count, accountId, client);
            SlotPoolRows.Bind(count, "now", now);
            await count.ExecuteNonQueryAsync(cancellationToken);
        }
        int failures, lockouts;
        await using (var select = transaction.CreateCommand("SELECT failures, lockouts FROM sign_in_lockouts WHERE account_id = @account AND client = @client"))
        {
            BindLockKey(select, accountId, client);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (failures, lockouts) = (reader.GetInt32(0), reader.GetInt32(1));
        }
        DateTimeOffset? lockedUntil = null;
        if (failures >= maxFailures)
        {
            lockedUntil = lockUntil(lockouts);
            await using var lockPair = transaction.CreateCommand(
                "UPDATE sign_in_lockouts SET failures = 0, lockouts = lockouts + 1, locked_until = @until WHERE account_id = @account AND client = @client");
            BindLockKey(lockPair, accountId, client);
            SlotPoolRows.Bind(lockPair, "until", dialect.Instant(lockedUntil.Value));
            await lockPair.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return lockedUntil;
    }

    public async Task ClearSignInFailuresAsync(string accountId, string? client, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM sign_in_lockouts WHERE account_id = @account" + (client is null ? "" : " AND client = @client");
        BindLockKey(delete, accountId, client);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SetPasswordHashAsync(string accountId, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE accounts SET password_hash = @hash, updated_at = @now WHERE account_id = @account";
        SlotPoolRows.Bind(update, "hash", passwordHash);
        SlotPoolRows.Bind(update, "now", dialect.Instant(clock.GetUtcNow()));
        SlotPoolRows.Bind(update, "account", accountId);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void BindLockKey(DbCommand command, string accountId, string? client)
    {
        SlotPoolRows.Bind(command, "account", accountId);
        if (client is not null) SlotPoolRows.Bind(command, "client", client);
    }
}
