using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// Sessions: one per sign-in, named in every token issued for it. Tokens are ASP.NET Core's in-box
/// bearer tokens, protected with the data-protection key ring the silos share through the
/// database, so any silo accepts a token any other silo issued. Refreshing keeps the session;
/// signing out revokes it everywhere.
/// </summary>
public sealed class AccountSessions(
    IAccountStore store, RevokedSessions revoked, IOptionsMonitor<BearerTokenOptions> bearer, IOptions<AccountOptions> options, TimeProvider clock,
    RetiredDoctors retiredDoctors)
{
    public const string Scheme = BearerTokenDefaults.AuthenticationScheme;

    /// <summary>What a new token for <paramref name="account"/> says: its session, and which of the session's refresh tokens it is.</summary>
    public static ClaimsPrincipal Principal(Account account, string sessionId, string refreshId)
    {
        var claims = new List<Claim>
        {
            new(AccountClaims.AccountId, account.AccountId),
            new(AccountClaims.Role, account.Role),
            new(AccountClaims.SessionId, sessionId),
            new(AccountClaims.RefreshId, refreshId),
        };
        if (account.DoctorId is { } doctorId) claims.Add(new Claim(AccountClaims.DoctorId, doctorId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, AccountClaims.AccountId, AccountClaims.Role));
    }

    public static string NewSessionId() => Guid.NewGuid().ToString("N");

    private static string NewRefreshId() => Guid.NewGuid().ToString("N");

    /// <summary>A new session for a successful sign-in: recorded, so its refresh tokens can be rotated and it can be ended.</summary>
    public async Task<ClaimsPrincipal> StartAsync(Account account, CancellationToken cancellationToken)
    {
        var session = new SignedInSession(NewSessionId(), account.AccountId, NewRefreshId(), clock.GetUtcNow());
        await store.StartSessionAsync(session, cancellationToken);
        return Principal(account, session.SessionId, session.RefreshId);
    }

    /// <summary>
    /// Exchanges a refresh token for new tokens of the same session, retiring it. A retired token
    /// presented again means two parties hold the session's tokens (one stole them): the whole
    /// session is revoked, so the thief's copy and the owner's both stop working and the owner signs in again.
    /// </summary>
    public async Task<RefreshOutcome> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var ticket = bearer.Get(Scheme).RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= clock.GetUtcNow()) return new RefreshOutcome.Refused();
        if (ticket.Principal.SessionIdOf() is not { } sessionId || revoked.IsRevoked(sessionId)) return new RefreshOutcome.Refused();
        if (ticket.Principal.RefreshIdOf() is not { } refreshId || ticket.Principal.AccountIdOf() is not { } accountId)
            return new RefreshOutcome.Refused();
        if (await store.FindAsync(accountId, cancellationToken) is not { DisabledAt: null } account) return new RefreshOutcome.Refused();
        if (await retiredDoctors.IsRetiredAsync(account.DoctorId, cancellationToken)) return new RefreshOutcome.Refused();

        var next = NewRefreshId();
        if (!await store.RotateRefreshAsync(sessionId, refreshId, next, cancellationToken))
        {
            await RevokeAsync(sessionId, accountId, cancellationToken);
            return new RefreshOutcome.Reused();
        }
        // Claims are read afresh: a role or doctor link changed since sign-in shows in the new token.
        return new RefreshOutcome.Refreshed(Principal(account, sessionId, next));
    }

    /// <summary>Revokes the caller's session on this silo at once and on the others at their next poll.</summary>
    public async Task SignOutAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.SessionIdOf() is not { } sessionId || user.AccountIdOf() is not { } accountId) return;
        await RevokeAsync(sessionId, accountId, cancellationToken);
    }

    /// <summary>
    /// Ends every session of the account but <paramref name="keep"/> (the caller's own, when they
    /// changed their password themselves): after a password reset, a changed password, a disabled
    /// account or an admin's order, no old token works any more.
    /// </summary>
    public async Task EndAllAsync(string accountId, string? keep, CancellationToken cancellationToken)
    {
        foreach (var sessionId in await store.ListSessionIdsAsync(accountId, cancellationToken))
            if (sessionId != keep) await RevokeAsync(sessionId, accountId, cancellationToken);
    }

    private async Task RevokeAsync(string sessionId, string accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Kept until the longest-lived token of the session (a refresh token) would have expired.
        var session = new RevokedSession(sessionId, accountId, now, now + options.Value.RefreshTokenLifetime);
        await store.RevokeSessionAsync(session, cancellationToken);
        revoked.Add(session);
    }
}

public abstract record RefreshOutcome
{
    public sealed record Refreshed(ClaimsPrincipal Principal) : RefreshOutcome;

    /// <summary>Forged, expired, signed out, or its account is gone.</summary>
    public sealed record Refused : RefreshOutcome;

    /// <summary>A refresh token that was already exchanged: the session is revoked.</summary>
    public sealed record Reused : RefreshOutcome;
}
