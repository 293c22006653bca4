using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Tests.Fakes;
using Xunit;

namespace OrleansBooking.Tests.Accounts;

/// <summary>
/// The silo's memory of opened access tokens gives exactly what opening them gives, a new ticket
/// for each request, opens each token once while it is in use, forgets it when its ticket expires
/// or it goes unused, and remembers no more than its bound.
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
        Assert.Equal(Described(first), Described(second!));
        Assert.Equal(1, opened.Opened);
    }

    [Fact]
    public void ATokenThisSiloIssuedIsNeverOpenedAndGivesWhatOpeningItWould()
    {
        var format = new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("tests"));
        var counting = new CountingOpenings(format);
        var tokens = new VerifiedTokens(counting, new AccountOptions(), clock);
        var account = new Account("acct-" + Guid.NewGuid().ToString("N"), AccountRoles.Patient, "+447900000001", null, "Someone", null, clock.GetUtcNow());

        var token = tokens.Protect(SignedIn(AccountSessions.Principal(account, AccountSessions.NewSessionId(), Guid.NewGuid().ToString("N"))));
        clock.Advance(TimeSpan.FromMinutes(10));
        var firstRequest = tokens.Unprotect(token);

        Assert.Equal(0, counting.Opened);
        Assert.Equal(Described(format.Unprotect(token)!), Described(firstRequest!));
    }

    [Fact]
    public void ATokenIssuedWithAPurposeIsNotRemembered()
    {
        var tokens = new VerifiedTokens(opened, new AccountOptions(), clock);
        var token = tokens.Protect(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(AccountClaims.AccountId, "acc-1")], "test")),
            new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow().AddHours(1) }, "test"), purpose: "elsewhere");

        tokens.Unprotect(token);

        Assert.Equal(1, opened.Opened);
    }

    [Theory]
    [InlineData(AccountRoles.Patient, null)]
    [InlineData(AccountRoles.Doctor, "doc-7")]
    [InlineData(AccountRoles.Admin, null)]
    public void ARememberedTicketIsWhatOpeningTheTokenGives(string role, string? doctorId)
    {
        var format = new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("tests"));
        var tokens = new VerifiedTokens(format, new AccountOptions(), clock);
        var account = new Account("acct-" + Guid.NewGuid().ToString("N"), role, "+447900000001", null, "Someone", doctorId, clock.GetUtcNow());
        var token = format.Protect(SignedIn(AccountSessions.Principal(account, AccountSessions.NewSessionId(), Guid.NewGuid().ToString("N"))));

        var opening = Described(format.Unprotect(token)!);
        var first = tokens.Unprotect(token);
        var remembered = tokens.Unprotect(token);

        Assert.Equal(opening, Described(first!));
        Assert.Equal(opening, Described(remembered!));
        Assert.Equal(account.AccountId, remembered!.Principal.AccountIdOf());
        Assert.Equal(role, remembered.Principal.RoleOf());
        Assert.True(remembered.Principal.IsInRole(role));
        Assert.Equal(doctorId, remembered.Principal.DoctorIdOf());
        Assert.Equal(account.AccountId, remembered.Principal.Identity!.Name);
    }

    [Theory]
    [InlineData("acct-0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("acct-0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("other-prefix-0123456789abcdef0123456789abcdef")]
    [InlineData("+447900000001")]
    [InlineData("")]
    public void EveryIdComesBackAsItWasWritten(string accountId)
    {
        var format = new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("tests"));
        var tokens = new VerifiedTokens(format, new AccountOptions(), clock);
        var account = new Account(accountId, AccountRoles.Patient, "+447900000001", null, "Someone", null, clock.GetUtcNow());
        var token = format.Protect(SignedIn(AccountSessions.Principal(account, accountId, "0123456789abcdef0123456789abcdeF")));

        tokens.Unprotect(token);
        var remembered = tokens.Unprotect(token)!;

        Assert.Equal(accountId, remembered.Principal.AccountIdOf());
        Assert.Equal(accountId, remembered.Principal.SessionIdOf());
        Assert.Equal("0123456789abcdef0123456789abcdeF", remembered.Principal.RefreshIdOf());
        Assert.Equal(Described(format.Unprotect(token)!), Described(remembered));
    }

    [Fact]
    public void OneRequestChangingItsTicketDoesNotChangeTheNextRequests()
    {
        var tokens = new VerifiedTokens(opened, new AccountOptions(), clock);
        var token = opened.Issue("acc-1", expires: clock.GetUtcNow().AddHours(1));
        foreach (var request in new[] { tokens.Unprotect(token)!, tokens.Unprotect(token)! })
        {
            ((ClaimsIdentity)request.Principal.Identity!).AddClaim(new Claim(AccountClaims.Role, AccountRoles.Admin));
            request.Properties.Items["added"] = "by one request";
        }

        var next = tokens.Unprotect(token)!;
        Assert.False(next.Principal.IsInRole(AccountRoles.Admin));
        Assert.False(next.Properties.Items.ContainsKey("added"));
        Assert.Equal(1, opened.Opened);
    }

    [Fact]
    public void ATicketCarryingMoreThanSignInGivesIsRememberedWhole()
    {
        var tokens = new VerifiedTokens(opened, new AccountOptions(), clock);
        var identity = new ClaimsIdentity([new Claim(AccountClaims.AccountId, "acc-1", ClaimValueTypes.String, "elsewhere")], "test");
        identity.Claims.Single().Properties["why"] = "kept";
        var properties = new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow().AddHours(1), IssuedUtc = clock.GetUtcNow() };
        var token = opened.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, "test"));

        var first = tokens.Unprotect(token)!;
        var second = tokens.Unprotect(token)!;

        Assert.Equal(Described(first), Described(second));
        Assert.Equal("elsewhere", second.Principal.Claims.Single().Issuer);
        Assert.Equal(clock.GetUtcNow(), second.Properties.IssuedUtc);
        Assert.Equal(1, opened.Opened);
    }

    [Fact]
    public void NoMoreTokensThanTheBoundAreRemembered()
    {
        var tokens = new VerifiedTokens(opened, new AccountOptions { TokenCacheEntries = 2 }, clock);
        var ann = opened.Issue("ann", clock.GetUtcNow().AddHours(1));
        var bob = opened.Issue("bob", clock.GetUtcNow().AddHours(1));
        var cy = opened.Issue("cy", clock.GetUtcNow().AddHours(1));
        tokens.Unprotect(ann);
        tokens.Unprotect(bob);
        tokens.Unprotect(ann);
        Assert.Equal(2, opened.Opened);

        // The cache is full: the third token is not remembered, so its second request opens it again.
        Assert.Equal("cy", tokens.Unprotect(cy)!.Principal.AccountIdOf());
        Assert.Equal("cy", tokens.Unprotect(cy)!.Principal.AccountIdOf());
        Assert.Equal(4, opened.Opened);
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

    private AuthenticationTicket SignedIn(ClaimsPrincipal principal) =>
        new(principal, new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow().AddMinutes(60) }, $"{AccountSessions.Scheme}:AccessToken");

    /// <summary>Everything of a ticket a caller can read, one line each, in order.</summary>
    private static string Described(AuthenticationTicket ticket)
    {
        var lines = new List<string> { $"scheme {ticket.AuthenticationScheme}", $"principal {ticket.Principal.GetType()}" };
        foreach (var identity in ticket.Principal.Identities)
        {
            lines.Add($"identity {identity.GetType()} {identity.AuthenticationType} {identity.IsAuthenticated} name {identity.NameClaimType} role {identity.RoleClaimType} label {identity.Label} actor {identity.Actor is not null} bootstrap {identity.BootstrapContext}");
            foreach (var claim in identity.Claims)
                lines.Add($"claim {claim.Type}={claim.Value} {claim.ValueType} {claim.Issuer} {claim.OriginalIssuer} own {ReferenceEquals(claim.Subject, identity)} "
                    + string.Join(",", claim.Properties.Select(p => $"{p.Key}={p.Value}")));
        }
        lines.AddRange(ticket.Properties.Items.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"item {i.Key}={i.Value}"));
        lines.Add($"parameters {ticket.Properties.Parameters.Count} expires {ticket.Properties.ExpiresUtc:O} issued {ticket.Properties.IssuedUtc:O}");
        return string.Join("\n", lines);
    }

    /// <summary>Issues opaque tokens for tickets it keeps, and counts how often one is opened.</summary>
    /// <summary>A real format that counts how often a token is opened.</summary>
    private sealed class CountingOpenings(ISecureDataFormat<AuthenticationTicket> format) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Opened { get; private set; }

        public string Protect(AuthenticationTicket data) => format.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => format.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Opened++;
            return format.Unprotect(protectedText, purpose);
        }
    }

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
