using System.Data.Common;
using System.Text;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Accounts;

/// <summary>Accounts, one-time codes and revoked sessions, in plain parameterised SQL (migration 0005; sessions and lockouts in their own files).</summary>
internal sealed partial class SqlAccountStore(SqlDialect dialect, TimeProvider clock) : IAccountStore
{
    private const string Columns =
        "account_id, role, login, password_hash, display_name, doctor_id, created_at, disabled_at";

    private const string InsertPrefix = $"INSERT INTO accounts ({Columns}, updated_at) VALUES ";

    // Rows per INSERT, and per transaction in CreateManyAsync: a bulk import never holds its locks
    // long, and no statement nears SQLite's host-parameter limit or MySQL's max_allowed_packet.
    private const int RowsPerInsert = 100;

    public Task<Account?> FindByLoginAsync(string login, CancellationToken cancellationToken) =>
        FindWhereAsync("login = @key", login, cancellationToken);

    public Task<Account?> FindAsync(string accountId, CancellationToken cancellationToken) =>
        FindWhereAsync("account_id = @key", accountId, cancellationToken);

    private async Task<Account?> FindWhereAsync(string condition, string key, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await FindWhereAsync(connection, condition, key, cancellationToken);
    }

    private async Task<Account?> FindWhereAsync(DbConnection connection, string condition, string key, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {Columns} FROM accounts WHERE {condition}";
        SlotPoolRows.Bind(select, "key", key);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<bool> CreateAsync(Account account, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = InsertPrefix + Parameters(0);
        Bind(insert, 0, account);
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (DbException e) when (dialect.IsDuplicateKey(e))
        {
            return false;
        }
    }

    public async Task<int> CreateManyAsync(IReadOnlyList<Account> accounts, CancellationToken cancellationToken)
    {
        var created = 0;
        await using var connection = await dialect.OpenAsync(cancellationToken);
        foreach (var chunk in accounts.DistinctBy(a => a.Login).Chunk(RowsPerInsert))
        {
            await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
            var taken = await TakenAsync(transaction, chunk, cancellationToken);
            var fresh = chunk.Where(a => !taken.Contains(a.Login) && !taken.Contains(a.AccountId)).ToList();
            if (fresh.Count > 0)
            {
                var sql = new StringBuilder(InsertPrefix);
                for (var i = 0; i < fresh.Count; i++) sql.Append(i == 0 ? "" : ", ").Append(Parameters(i));
                await using var insert = transaction.CreateCommand(sql.ToString());
                for (var i = 0; i < fresh.Count; i++) Bind(insert, i, fresh[i]);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            created += fresh.Count;
        }
        return created;
    }

    private static async Task<HashSet<string>> TakenAsync(StoreTransaction transaction, Account[] chunk, CancellationToken cancellationToken)
    {
        var logins = string.Join(", ", chunk.Select((_, i) => $"@l{i}"));
        var ids = string.Join(", ", chunk.Select((_, i) => $"@a{i}"));
        await using var select = transaction.CreateCommand($"SELECT login, account_id FROM accounts WHERE login IN ({logins}) OR account_id IN ({ids})");
        for (var i = 0; i < chunk.Length; i++)
        {
            SlotPoolRows.Bind(select, $"l{i}", chunk[i].Login);
            SlotPoolRows.Bind(select, $"a{i}", chunk[i].AccountId);
        }
        var taken = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add(reader.GetString(0));
            taken.Add(reader.GetString(1));
        }
        return taken;
    }

    public async Task<bool> AnyAdminAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT COUNT(*) FROM accounts WHERE role = @role";
        SlotPoolRows.Bind(select, "role", AccountRoles.Admin);
        return Convert.ToInt64(await select.ExecuteScalarAsync(cancellationToken)) > 0;
    }

    public async Task SaveCodeAsync(StoredCode code, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        await using (var delete = transaction.CreateCommand("DELETE FROM sign_in_codes WHERE login = @login AND purpose = @purpose"))
        {
            BindCodeKey(delete, code.Login, code.Purpose);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var insert = transaction.CreateCommand(
            "INSERT INTO sign_in_codes (login, purpose, code_hash, sent_at, expires_at, attempts) " +
            "VALUES (@login, @purpose, @hash, @sent, @expires, @attempts)"))
        {
            BindCodeKey(insert, code.Login, code.Purpose);
            SlotPoolRows.Bind(insert, "hash", code.CodeHash);
            SlotPoolRows.Bind(insert, "sent", dialect.Instant(code.SentAt));
            SlotPoolRows.Bind(insert, "expires", dialect.Instant(code.ExpiresAt));
            SlotPoolRows.Bind(insert, "attempts", code.Attempts);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<StoredCode?> FindCodeAsync(string login, CodePurpose purpose, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT code_hash, sent_at, expires_at, attempts FROM sign_in_codes WHERE login = @login AND purpose = @purpose";
        BindCodeKey(select, login, purpose);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StoredCode(login, purpose, reader.GetString(0), dialect.ReadInstant(reader, 1), dialect.ReadInstant(reader, 2), reader.GetInt32(3));
    }

    public async Task<int> CountCodeAttemptAsync(string login, CodePurpose purpose, CancellationToken cancellationToken)
    {
        // One transaction: the row stays locked from the UPDATE to the SELECT, so concurrent
        // attempts each read the count they made, never one a later attempt already raised.
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        await using (var update = transaction.CreateCommand("UPDATE sign_in_codes SET attempts = attempts + 1 WHERE login = @login AND purpose = @purpose"))
        {
            BindCodeKey(update, login, purpose);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0) return 0;
        }
        int attempts;
        await using (var select = transaction.CreateCommand("SELECT attempts FROM sign_in_codes WHERE login = @login AND purpose = @purpose"))
        {
            BindCodeKey(select, login, purpose);
            attempts = Convert.ToInt32(await select.ExecuteScalarAsync(cancellationToken) ?? 0);
        }
        await transaction.CommitAsync(cancellationToken);
        return attempts;
    }

    public async Task DeleteCodeAsync(string login, CodePurpose purpose, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM sign_in_codes WHERE login = @login AND purpose = @purpose";
        BindCodeKey(delete, login, purpose);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RevokeSessionAsync(RevokedSession session, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO revoked_sessions (session_id, account_id, revoked_at, expires_at) VALUES (@session, @account, @revoked, @expires)";
        SlotPoolRows.Bind(insert, "session", session.SessionId);
        SlotPoolRows.Bind(insert, "account", session.AccountId);
        SlotPoolRows.Bind(insert, "revoked", dialect.Instant(session.RevokedAt));
        SlotPoolRows.Bind(insert, "expires", dialect.Instant(session.ExpiresAt));
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException e) when (dialect.IsDuplicateKey(e))
        {
            // Signed out twice (a retried request): the session is revoked either way.
        }
        // A revoked session is no longer the account's to list or refresh.
        await using var forget = connection.CreateCommand();
        forget.CommandText = "DELETE FROM account_sessions WHERE session_id = @session";
        SlotPoolRows.Bind(forget, "session", session.SessionId);
        await forget.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RevokedSession>> ListRevokedSinceAsync(DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT session_id, account_id, revoked_at, expires_at FROM revoked_sessions WHERE revoked_at >= @since AND expires_at > @now";
        SlotPoolRows.Bind(select, "since", dialect.Instant(since < Epoch ? Epoch : since));
        SlotPoolRows.Bind(select, "now", dialect.Instant(now));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var sessions = new List<RevokedSession>();
        while (await reader.ReadAsync(cancellationToken))
            sessions.Add(new RevokedSession(reader.GetString(0), reader.GetString(1), dialect.ReadInstant(reader, 2), dialect.ReadInstant(reader, 3)));
        return sessions;
    }

    // DATETIME(6) starts at year 1000; "since the beginning" is any instant before the service existed.
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private Account Read(DbDataReader reader) => new(
        AccountId: reader.GetString(0),
        Role: reader.GetString(1),
        Login: reader.GetString(2),
        PasswordHash: reader.IsDBNull(3) ? null : reader.GetString(3),
        DisplayName: reader.GetString(4),
        DoctorId: reader.IsDBNull(5) ? null : reader.GetString(5),
        CreatedAt: dialect.ReadInstant(reader, 6),
        DisabledAt: reader.IsDBNull(7) ? null : dialect.ReadInstant(reader, 7));

    private static string Parameters(int row) => SlotPoolRows.Row(Enumerable.Range(0, 9).Select(c => $"@r{row}c{c}"));

    private void Bind(DbCommand command, int row, Account account)
    {
        object?[] values =
        [
            account.AccountId, account.Role, account.Login, account.PasswordHash, account.DisplayName, account.DoctorId,
            dialect.Instant(account.CreatedAt), account.DisabledAt is { } disabled ? dialect.Instant(disabled) : null, dialect.Instant(clock.GetUtcNow()),
        ];
        for (var c = 0; c < values.Length; c++) SlotPoolRows.Bind(command, $"r{row}c{c}", values[c]);
    }

    private static void BindCodeKey(DbCommand command, string login, CodePurpose purpose)
    {
        SlotPoolRows.Bind(command, "login", login);
        SlotPoolRows.Bind(command, "purpose", purpose switch
        {
            CodePurpose.Register => "register",
            CodePurpose.SignIn => "sign_in",
            CodePurpose.PasswordReset => "password_reset",
            CodePurpose.MobileChange => "mobile_change",
            CodePurpose.PatientClaim => "patient_claim",
            _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown code purpose."),
        });
    }
}
