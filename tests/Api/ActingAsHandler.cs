using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.Accounts;

namespace OrleansBooking.Tests.Api;

/// <summary>
/// Signs each test request in as a <see cref="TestIdentity"/>: the client's default, or the one a
/// request names with <see cref="ActingAs.As"/>. The token is minted with the silo's own bearer
/// protector and claims (as sign-in would issue them) and stamped by the test clock, so it is
/// valid however far a test moves the clock. The sign-in routes themselves are tested in tests/Accounts.
/// </summary>
internal sealed class ActingAsHandler(IServiceProvider services, Func<DateTimeOffset> now, TestIdentity? identity) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var who = request.Options.TryGetValue(ActingAs.Key, out var named) ? named : identity;
        if (who is not null && request.Headers.Authorization is null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(services, who, now()));
        return base.SendAsync(request, cancellationToken);
    }

    public static string TokenFor(IServiceProvider services, TestIdentity who, DateTimeOffset now, string? sessionId = null)
    {
        var bearer = services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(AccountSessions.Scheme);
        var account = new Account(who.AccountId, who.Role, who.AccountId, null, who.AccountId, who.DoctorId, now);
        var properties = new AuthenticationProperties { ExpiresUtc = now + bearer.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(AccountSessions.Principal(account, sessionId ?? AccountSessions.NewSessionId(), refreshId: "test"), properties, AccountSessions.Scheme);
        return bearer.BearerTokenProtector.Protect(ticket);
    }
}

/// <summary>Names who one request acts as.</summary>
public static class ActingAs
{
    /// <summary>
    /// A client of any silo factory (derived ones too) acting as <paramref name="identity"/>; redirects
    /// are followed, as with <c>CreateClient()</c>. Tokens are stamped by the silo's own clock.
    /// </summary>
    public static HttpClient CreateClientActingAs(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, TestIdentity? identity)
    {
        var clock = factory.Services.GetRequiredService<TimeProvider>();
        var client = factory.CreateDefaultClient(
            new Microsoft.AspNetCore.Mvc.Testing.Handlers.RedirectHandler(),
            new ActingAsHandler(factory.Services, clock.GetUtcNow, identity));
        SilosOfClients.AddOrUpdate(client, factory.Services);
        return client;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, IServiceProvider> SilosOfClients = new();

    /// <summary>The services of the silo <paramref name="client"/> talks to, for tests that arrange state the API does not offer.</summary>
    public static IServiceProvider SiloOf(this HttpClient client) =>
        SilosOfClients.TryGetValue(client, out var services) ? services : throw new InvalidOperationException("The client was not made by CreateClientActingAs.");

    internal static readonly HttpRequestOptionsKey<TestIdentity?> Key = new("acting-as");

    public static HttpRequestMessage As(this HttpRequestMessage request, TestIdentity? identity)
    {
        request.Options.Set(Key, identity);
        return request;
    }

    public static Task<HttpResponseMessage> SendAsAsync(this HttpClient client, TestIdentity? identity, HttpMethod method, string uri, HttpContent? content = null) =>
        client.SendAsync(new HttpRequestMessage(method, uri) { Content = content }.As(identity));
}
