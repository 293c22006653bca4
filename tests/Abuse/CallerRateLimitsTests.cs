using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.RateLimiting;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.Abuse;

/// <summary>Every request is counted against its account (when signed in) and its address, each in its own bucket.</summary>
public sealed class CallerRateLimitsTests : IAsyncDisposable
{
    private readonly FakeTimeProvider clock = new();
    private readonly CallerRateLimits limits;

    public CallerRateLimitsTests()
    {
        limits = new CallerRateLimits(new RateLimitOptions
        {
            PerAccount = new() { Burst = 2, PermitsPerSecond = 1 },
            PerAddress = new() { Burst = 5, PermitsPerSecond = 1 },
        }, clock);
    }

    public ValueTask DisposeAsync() => limits.DisposeAsync();

    [Fact]
    public void AnAnonymousCallerMeetsOnlyTheAddressLimit()
    {
        var granted = Attempts(7, () => Request("203.0.113.7", accountId: null));

        Assert.Equal(5, granted);
    }

    [Fact]
    public void ASignedInCallerMeetsTheAccountLimitFirst()
    {
        var granted = Attempts(4, () => Request("203.0.113.7", "acct-1"));

        Assert.Equal(2, granted);
    }

    [Fact]
    public void AnAdminHasNoAccountLimitButItsAddressIsLimited()
    {
        var admin = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(AccountClaims.AccountId, "acct-admin"), new Claim(AccountClaims.Role, AccountRoles.Admin)], "test"));

        var granted = Attempts(7, () => Request("203.0.113.7", "acct-admin", admin));

        Assert.Equal(5, granted);
    }

    [Fact]
    public void AnAccountRefusedCostsItsAddressNothing()
    {
        Attempts(10, () => Request("203.0.113.7", "acct-1"));

        var othersGranted = Attempts(10, () => Request("203.0.113.7", accountId: null));

        Assert.Equal(5 - 2, othersGranted);
    }

    [Fact]
    public void AnAccountIsLimitedFromEveryAddressTogether()
    {
        Assert.True(Acquire(Request("203.0.113.7", "acct-1")));
        Assert.True(Acquire(Request("198.51.100.9", "acct-1")));

        Assert.False(Acquire(Request("192.0.2.1", "acct-1")), "a third address should not give the account a fresh allowance");
        Assert.True(Acquire(Request("192.0.2.1", "acct-2")), "another account at that address has its own allowance");
    }

    [Fact]
    public void AddressesAreLimitedApart()
    {
        Attempts(5, () => Request("203.0.113.7", accountId: null));

        Assert.False(Acquire(Request("203.0.113.7", accountId: null)), "the first address has used its burst");
        Assert.True(Acquire(Request("203.0.113.8", accountId: null)), "the next address has not");
    }

    [Fact]
    public void OneIpv6SubscriberIsOneAddressAcrossItsSlash64()
    {
        for (var i = 1; i <= 5; i++) Assert.True(Acquire(Request($"2001:db8:1:2::{i:x}", accountId: null)));

        Assert.False(Acquire(Request("2001:db8:1:2:ffff:ffff:ffff:ffff", accountId: null)), "same /64");
        Assert.True(Acquire(Request("2001:db8:1:3::1", accountId: null)), "the next /64 is another subscriber");
    }

    [Fact]
    public void TheClockGivesARefusedCallerItsAllowanceBack()
    {
        Attempts(2, () => Request("203.0.113.7", "acct-1"));
        Assert.False(Acquire(Request("203.0.113.7", "acct-1")));

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(Acquire(Request("203.0.113.7", "acct-1")), "one token comes back per second");
    }

    [Fact]
    public void AnAccountClaimOfAnUnauthenticatedIdentityCountsAsAnonymous()
    {
        var unauthenticated = new ClaimsPrincipal(new ClaimsIdentity([new Claim(AccountClaims.AccountId, "acct-1")]));

        var granted = Attempts(7, () => Request("203.0.113.7", accountId: null, unauthenticated));

        Assert.Equal(5, granted);
    }

    [Theory]
    [InlineData("/health/ready")]
    [InlineData("/health/live")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs/index.html")]
    public void ProbesAndDocumentationAreNeverLimited(string path)
    {
        var granted = Attempts(20, () => Request("203.0.113.7", "acct-1", path: path));

        Assert.Equal(20, granted);
    }

    [Fact]
    public void ACallerWithoutAnAddressIsNotCountedPerAddress()
    {
        var granted = Attempts(20, () => Request(address: null, accountId: null));

        Assert.Equal(20, granted);
    }

    [Fact]
    public void ARefusalCarriesRetryAfter()
    {
        Attempts(2, () => Request("203.0.113.7", "acct-1"));

        using var refused = limits.Limiter.AttemptAcquire(Request("203.0.113.7", "acct-1"));

        Assert.False(refused.IsAcquired);
        Assert.Equal(1, RateLimitRejection.RetryAfterSeconds(refused));
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
    }

    private bool Acquire(HttpContext context)
    {
        using var lease = limits.Limiter.AttemptAcquire(context);
        return lease.IsAcquired;
    }

    private int Attempts(int count, Func<HttpContext> request) =>
        Enumerable.Range(0, count).Count(_ => Acquire(request()));

    private static DefaultHttpContext Request(string? address, string? accountId, ClaimsPrincipal? user = null, string path = "/api/departments")
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);
        context.User = user ?? (accountId is null
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : new ClaimsPrincipal(new ClaimsIdentity([new Claim(AccountClaims.AccountId, accountId)], "test")));
        return context;
    }
}
