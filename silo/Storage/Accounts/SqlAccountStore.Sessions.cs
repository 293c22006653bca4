using OrleansBooking.Api.Accounts;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Accounts;

/// <summary>Signed-in sessions and the rotation of their refresh tokens (migration 0007).</summary>
internal sealed partial class SqlAccountStore
{
    public async Task StartSessionAsync(SignedInSession session, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO account_sessions (session_id, account_id, refresh_id, started_at, updated_at) " +
            "VALUES (@session, @account, @refresh, @started, @started)";
        SlotPoolRows.Bind(insert, "session", session.SessionId);
        SlotPoolRows.Bind(insert, "account", session.AccountId);
        SlotPoolRows.Bind(insert, "refresh", session.RefreshId);
        SlotPoolRows.Bind(insert, "started", dialect.Instant(session.StartedAt));
        // Every sign-in writes: in turn, or a crowd signing in sleeps threads in SQLite's busy handler.
        using var turn = await dialect.TakeWriteTurnAsync(cancellationToken);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> RotateRefreshAsync(string sessionId, string presented, string next, CancellationToken cancellationToken)
    {
        // Compare-and-set in one statement: two exchanges of one token cannot both see it live.
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE account_sessions SET refresh_id = @next, updated_at = @now WHERE session_id = @session AND refresh_id = @presented";
        SlotPoolRows.Bind(update, "next", next);
        SlotPoolRows.Bind(update, "now", dialect.Instant(clock.GetUtcNow()));
        SlotPoolRows.Bind(update, "session", sessionId);
        SlotPoolRows.Bind(update, "presented", presented);
        using var turn = await dialect.TakeWriteTurnAsync(cancellationToken);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
