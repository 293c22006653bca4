using System.Security.Claims;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// Runs right after authentication: a token whose session was signed out counts as no token at
/// all, so every route answers it as it answers an anonymous caller (401 where sign-in is needed).
/// </summary>
public sealed class RevokedSessionCheck(RequestDelegate next, RevokedSessions revoked)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.SessionIdOf() is { } sessionId && revoked.IsRevoked(sessionId))
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        return next(context);
    }
}
