namespace OrleansBooking.Api.Accounts;

/// <summary>Where accounts, one-time codes and revoked sessions are kept (SQL in the silo).</summary>
public interface IAccountStore
{
    Task<Account?> FindByLoginAsync(string login, CancellationToken cancellationToken);

    Task<Account?> FindAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>False when the login is taken (or the id exists): nothing is written.</summary>
    Task<bool> CreateAsync(Account account, CancellationToken cancellationToken);

    /// <summary>Creates the accounts whose login is free; returns how many were created.</summary>
    Task<int> CreateManyAsync(IReadOnlyList<Account> accounts, CancellationToken cancellationToken);

    /// <summary>When the password sign-ins of <paramref name="accountId"/> from <paramref name="client"/> are locked until, if they are.</summary>
    Task<DateTimeOffset?> FindSignInLockAsync(string accountId, string client, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one wrong password from <paramref name="client"/> atomically (two guesses at once both
    /// count). When the streak reaches <paramref name="maxFailures"/> it locks the pair until
    /// <paramref name="lockUntil"/>(earlier lockouts of the pair) and starts a new streak; returns that instant, or null.
    /// </summary>
    Task<DateTimeOffset?> RecordFailedSignInAsync(
        string accountId, string client, int maxFailures, Func<int, DateTimeOffset> lockUntil, CancellationToken cancellationToken);

    /// <summary>Forgets the failures and locks of the account from <paramref name="client"/>, or from everywhere when it is null.</summary>
    Task ClearSignInFailuresAsync(string accountId, string? client, CancellationToken cancellationToken);

    Task SetPasswordHashAsync(string accountId, string passwordHash, CancellationToken cancellationToken);

    Task<bool> AnyAdminAsync(CancellationToken cancellationToken);

    /// <summary>Accounts in id order after <paramref name="after"/>, of one role when given.</summary>
    Task<IReadOnlyList<Account>> ListAsync(string? role, string? after, int limit, CancellationToken cancellationToken);

    /// <summary>Disables the account at <paramref name="at"/>, or enables it again when null.</summary>
    Task SetDisabledAsync(string accountId, DateTimeOffset? at, CancellationToken cancellationToken);

    /// <summary>False when <paramref name="login"/> is taken: nothing is written.</summary>
    Task<bool> ChangeLoginAsync(string accountId, string login, CancellationToken cancellationToken);

    /// <summary>The sessions the account signed in, live or not (revoked ones are in the revocation list).</summary>
    Task<IReadOnlyList<string>> ListSessionIdsAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Replaces the live code for the login and purpose.</summary>
    Task SaveCodeAsync(StoredCode code, CancellationToken cancellationToken);

    Task<StoredCode?> FindCodeAsync(string login, CodePurpose purpose, CancellationToken cancellationToken);

    /// <summary>Counts one guess at the code atomically; returns the guesses made so far including this one (0 when there is no code).</summary>
    Task<int> CountCodeAttemptAsync(string login, CodePurpose purpose, CancellationToken cancellationToken);

    Task DeleteCodeAsync(string login, CodePurpose purpose, CancellationToken cancellationToken);

    Task StartSessionAsync(SignedInSession session, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the session's live refresh id <paramref name="presented"/> with <paramref name="next"/>
    /// atomically: of two exchanges of one refresh token, only one succeeds. False when
    /// <paramref name="presented"/> is not (or no longer) the session's live one.
    /// </summary>
    Task<bool> RotateRefreshAsync(string sessionId, string presented, string next, CancellationToken cancellationToken);

    Task RevokeSessionAsync(RevokedSession session, CancellationToken cancellationToken);

    /// <summary>Sessions revoked at or after <paramref name="since"/> that have not expired at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<RevokedSession>> ListRevokedSinceAsync(DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken);
}
