using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Tests.Fakes;
using Xunit;

namespace OrleansBooking.Tests.Accounts;

/// <summary>
/// The silo's memory of opened access tokens gives exactly what opening them gives, opens each
/// token once while it is in use, and forgets it when its ticket expires or it goes unused.
/// </summary>
public sealed class VerifiedTokensTests
{
    private readonly FakeTimeProvider clock = new(TestClocks.DefaultStart);
    private readonly CountingFormat opened = new();

    [Fact]
    public void ASecondRequestWithTheSameTokenIsNotOpenedAgain()
    {
        var tokens = new VerifiedTokens(opened, new AccountOptions(), clock);
        var token = opened.Issue("acc-1", expires: clock.GetUtcNow().AddHours(1));

        var first = tokens.Unprotect(token);
        var second = tokens.Unprotect(token);

        Assert.Equal("acc-1", first!.Principal.AccountIdOf());
        Assert.Same(first, second);
        Assert.Equal(1, opened.Opened);
    }

    [Fact]
    public void DifferentTokensAreNotConfused()
    {
        var tokens = new VerifiedTokens(opened, new AccountOptions(), clock);
        var ann = opened.Issue("ann", clock.GetUtcNow().AddHours(1));
        var bob = opened.Issue("bob", clock.GetUtcNow().AddHours(1));

        Assert.Equal("ann", tokens.Unprotect(ann)!.Principal.AccountIdOf());
        Assert.Equal("bob", tokens.Unprotect(bob)!.Principal.AccountIdOf());
        Assert.Equal("ann", tokens.Unprotect(ann)!.Principal.AccountIdOf());
    }

    [Fact]
    public void AnExpiredTicketIsForgottenAndTheTokenOpenedAgain()
    {
        var tokens = new VerifiedTokens(opened, new AccountOptions { TokenCacheIdleSeconds = 3600 }, clock);
        var token = opened.Issue("acc-1", expires: clock.GetUtcNow().AddMinutes(10));
        tokens.Unprotect(token);

        clock.Advance(TimeSpan.FromMinutes(11));
        tokens.Unprotect(token);

        Assert.Equal(2, opened.Opened);
    }

    [Fact]
    public void ATokenUnusedForTheIdleTimeIsForgotten()
    {
        var tokens = new VerifiedTokens(opened, new AccountOptions { TokenCacheIdleSeconds = 120 }, clock);
        var token = opened.Issue("acc-1", expires: clock.GetUtcNow().AddHours(1));
        tokens.Unprotect(token);

        clock.Advance(TimeSpan.FromSeconds(60));
        tokens.Unprotect(token);
        Assert.Equal(1, opened.Opened);

        clock.Advance(TimeSpan.FromSeconds(121));
        tokens.Unprotect(token);
        Assert.Equal(2, opened.Opened);
    }

    [Fact]
    public void ATokenThatDoesNotOpenIsNotRemembered()
    {
        var tokens = new VerifiedTokens(opened, new AccountOptions(), clock);

        Assert.Null(tokens.Unprotect("forged"));
        Assert.Null(tokens.Unprotect("forged"));
        Assert.Equal(2, opened.Opened);
    }

    [Fact]
    public void NoEntriesMeansEveryTokenIsOpened()
    {
        var tokens = new VerifiedTokens(opened, new AccountOptions { TokenCacheEntries = 0 }, clock);
        var token = opened.Issue("acc-1", clock.GetUtcNow().AddHours(1));

        tokens.Unprotect(token);
        tokens.Unprotect(token);

        Assert.Equal(2, opened.Opened);
    }

    /// <summary>Issues opaque tokens for tickets it keeps, and counts how often one is opened.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        private readonly Dictionary<string, AuthenticationTicket> issued = new(StringComparer.Ordinal);

        public int Opened { get; private set; }

        public string Issue(string accountId, DateTimeOffset expires)
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(AccountClaims.AccountId, accountId)], "test"));
            return Protect(new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expires }, "test"));
        }

        public string Protect(AuthenticationTicket data) => Protect(data, null);

        public string Protect(AuthenticationTicket data, string? purpose)
        {
            var token = $"token-{issued.Count}-{new string('x', 600)}";
            issued[token] = data;
            return token;
        }

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Opened++;
            return protectedText is not null && issued.TryGetValue(protectedText, out var ticket) ? ticket : null;
        }
    }
}
