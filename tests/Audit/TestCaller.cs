using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using OrleansBooking.Api.Accounts;

namespace OrleansBooking.Tests.Audit;

/// <summary>
/// Tests only: who is calling, taken from request headers instead of a token, until the audit
/// tests can sign in for real (then replace this file with a signed-in client). Sets the claims
/// <see cref="AccountClaims"/> reads and the connection's remote address.
/// </summary>
public sealed class TestCaller : IStartupFilter
{
    public const string AccountHeader = "X-Test-Account";
    public const string RoleHeader = "X-Test-Role";
    public const string AddressHeader = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(FromHeaders);
        next(app);
    };

    /// <summary>Runs before the rest of the pipeline, as authentication will.</summary>
    public static Task FromHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Request.Headers;
        if (headers[AccountHeader].ToString() is { Length: > 0 } accountId)
        {
            var claims = new List<Claim> { new(AccountClaims.AccountId, accountId) };
            if (headers[RoleHeader].ToString() is { Length: > 0 } role) claims.Add(new Claim(AccountClaims.Role, role));
            context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test"));
        }
        if (IPAddress.TryParse(headers[AddressHeader].ToString(), out var address)) context.Connection.RemoteIpAddress = address;
        return next(context);
    }

    /// <summary>A client whose every request says it comes from <paramref name="accountId"/> in <paramref name="role"/>.</summary>
    public static HttpClient As(HttpClient client, string accountId, string role, string address = "203.0.113.9")
    {
        client.DefaultRequestHeaders.Add(AccountHeader, accountId);
        client.DefaultRequestHeaders.Add(RoleHeader, role);
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }
}
