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
    IAccountStore store, RevokedSessions revoked, IOptionsMonitor<BearerTokenOptions> bearer, IOptions<AccountOptions> options, TimeProvider clock)
{
    public const string Scheme = BearerTokenDefaults.AuthenticationScheme;

    /// <summary>What a new token for <paramref name="account"/> says, in a new session or (refreshing) the same one.</summary>
    public static ClaimsPrincipal Principal(Account account, string sessionId)
    {
        var claims = new List<Claim>
        {
            new(AccountClaims.AccountId, account.AccountId),
            new(AccountClaims.Role, account.Role),
            new(AccountClaims.SessionId, sessionId),
        };
        if (account.DoctorId is { } doctorId) claims.Add(new Claim(AccountClaims.DoctorId, doctorId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, AccountClaims.AccountId, AccountClaims.Role));
    }

    public static string NewSessionId() => Guid.NewGuid().ToString("N");

    /// <summary>The principal for a new access token, or null when the refresh token is forged, expired, revoked or its account is gone.</summary>
    public async Task<ClaimsPrincipal?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var ticket = bearer.Get(Scheme).RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= clock.GetUtcNow()) return null;
        if (ticket.Principal.SessionIdOf() is not { } sessionId || revoked.IsRevoked(sessionId)) return null;
        if (ticket.Principal.AccountIdOf() is not { } accountId || await store.FindAsync(accountId, cancellationToken) is not { } account)
            return null;
        // Claims are read afresh: a role or doctor link changed since sign-in shows in the new token.
        return Principal(account, sessionId);
    }

    /// <summary>Revokes the caller's session on this silo at once and on the others at their next poll.</summary>
    public async Task SignOutAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.SessionIdOf() is not { } sessionId || user.AccountIdOf() is not { } accountId) return;
        var now = clock.GetUtcNow();
        // Kept until the longest-lived token of the session (a refresh token) would have expired.
        var session = new RevokedSession(sessionId, accountId, now, now + options.Value.RefreshTokenLifetime);
        await store.RevokeSessionAsync(session, cancellationToken);
        revoked.Add(session);
    }
}
