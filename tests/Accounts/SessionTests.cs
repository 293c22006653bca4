using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Accounts;

/// <summary>Tokens expire, refresh within their session, stop working when the session is signed out — on every Silo.</summary>
public sealed class SessionTests : SignedUpPatientSilo
{
    private async Task<HttpStatusCode> MeAsync(HttpClient via, string token)
    {
        using var response = await via.GetWithTokenAsync("/api/auth/account", token);
        return response.StatusCode;
    }

    [Fact]
    public async Task AnAccessTokenExpiresAfterAnHourAndARefreshGivesANewOne()
    {
        var tokens = await Client.SignInOkAsync(Mobile);
        Silo.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(Client, tokens.Str("accessToken")));

        Silo.Clock.Advance(TimeSpan.FromMinutes(1));
        using (var expired = await Client.GetWithTokenAsync("/api/auth/account", tokens.Str("accessToken")))
            await expired.ReadProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");

        using var refreshed = await Client.PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Str("refreshToken") });
        var fresh = await refreshed.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(Client, fresh.Str("accessToken")));
    }

    [Fact]
    public async Task ARefreshRetiresTheRefreshTokenItWasGiven()
    {
        var tokens = await Client.SignInOkAsync(Mobile);

        using var first = await Client.PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Str("refreshToken") });
        var fresh = await first.ReadAsync(HttpStatusCode.OK);
        Assert.NotEqual(tokens.Str("refreshToken"), fresh.Str("refreshToken"));

        // The new one works in turn.
        using var second = await Client.PostJsonAsync("/api/auth/refresh", new { refreshToken = fresh.Str("refreshToken") });
        await second.ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ARetiredRefreshTokenSentAgainSignsTheWholeSessionOut()
    {
        var stolen = await Client.SignInOkAsync(Mobile);
        using var ownerRefresh = await Client.PostJsonAsync("/api/auth/refresh", new { refreshToken = stolen.Str("refreshToken") });
        var owner = await ownerRefresh.ReadAsync(HttpStatusCode.OK);

        using (var thief = await Client.PostJsonAsync("/api/auth/refresh", new { refreshToken = stolen.Str("refreshToken") }))
            await thief.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");

        // Both copies of the session stop working: the owner's newest tokens too.
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(Client, owner.Str("accessToken")));
        using var ownerAgain = await Client.PostJsonAsync("/api/auth/refresh", new { refreshToken = owner.Str("refreshToken") });
        await ownerAgain.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task ARefreshTokenExpiresAfterFourteenDays()
    {
        var tokens = await Client.SignInOkAsync(Mobile);
        Silo.Clock.Advance(TimeSpan.FromDays(14));

        using var refreshed = await Client.PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Str("refreshToken") });

        await refreshed.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task AnAccessTokenIsNotARefreshToken()
    {
        var tokens = await Client.SignInOkAsync(Mobile);

        using var refreshed = await Client.PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Str("accessToken") });

        await refreshed.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task SigningOutRevokesThatSessionOnly()
    {
        var phone = await Client.SignInOkAsync(Mobile);
        var laptop = await Client.SignInOkAsync(Mobile);

        using (var signOut = await Client.PostJsonAsync("/api/auth/sign-out", new { }, phone.Str("accessToken")))
            Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(Client, phone.Str("accessToken")));
        using (var refreshed = await Client.PostJsonAsync("/api/auth/refresh", new { refreshToken = phone.Str("refreshToken") }))
            await refreshed.ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(Client, laptop.Str("accessToken")));
    }

    [Fact]
    public async Task AForgedTokenIsRefused()
    {
        var token = (await Client.SignInOkAsync(Mobile)).Str("accessToken");
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(Client, forged));
    }

    [Fact]
    public async Task AnotherSiloOnTheSameDatabaseAcceptsTheTokenAndLearnsOfTheSignOut()
    {
        await using var second = new BookingApiFactory()
            .With("Storage:ConnectionString", $"Data Source={Silo.DatabasePath}")
            .WithServices(services => services.AddSingleton<ISignInCodeSender>(Sender));
        using var secondClient = second.CreateAnonymousClient();
        var tokens = await Client.SignInOkAsync(Mobile);

        // Issued by the first silo, read by the second: the key ring is shared through the database.
        Assert.Equal(HttpStatusCode.OK, await MeAsync(secondClient, tokens.Str("accessToken")));

        using (var signOut = await Client.PostJsonAsync("/api/auth/sign-out", new { }, tokens.Str("accessToken")))
            Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        // The second silo learns of it at its next poll.
        await second.Services.GetRequiredService<RevokedSessions>().RefreshAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(secondClient, tokens.Str("accessToken")));
    }
}
