using System.Net;
using Microsoft.Extensions.Options;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Abuse;

/// <summary>Through the whole silo: a caller over the limit gets 429 problem+json with Retry-After, and the clock lets them back in.</summary>
public sealed class RateLimitApiTests
{
    private static AbuseApiFactory SmallLimits() => (AbuseApiFactory)new AbuseApiFactory()
        .With("Booking:RateLimits:PerAddress:Burst", "3")
        .With("Booking:RateLimits:PerAddress:PermitsPerSecond", "0.5");

    [Fact]
    public async Task ACallerOverTheLimitIsToldToComeBackLater()
    {
        await using var factory = SmallLimits();
        using var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/api/departments");
            await allowed.ReadAsync(HttpStatusCode.OK);
        }

        using var refused = await client.GetAsync("/api/departments");

        var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.Equal(["2"], refused.Headers.GetValues("Retry-After"));
        Assert.Equal(2, problem.Int("retryAfter"));
    }

    [Fact]
    public async Task WaitingRetryAfterLetsTheCallerBackIn()
    {
        await using var factory = SmallLimits();
        using var client = factory.CreateClient();
        for (var i = 0; i < 4; i++) (await client.GetAsync("/api/departments")).Dispose();

        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        using var again = await client.GetAsync("/api/departments");
        using var tooSoon = await client.GetAsync("/api/departments");

        await again.ReadAsync(HttpStatusCode.OK);
        await tooSoon.ReadProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
    }

    [Fact]
    public async Task AnotherAddressIsNotHeldBackByTheFirst()
    {
        await using var factory = SmallLimits();
        using var client = factory.CreateClient();
        for (var i = 0; i < 4; i++) (await client.GetAsync("/api/departments")).Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/departments");
        request.Headers.Add(AbuseApiFactory.ClientAddressHeader, "198.51.100.20");
        using var response = await client.SendAsync(request);

        await response.ReadAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs/index.html")]
    public async Task ProbesAndDocumentationAnswerAnAddressOverItsLimit(string path)
    {
        await using var factory = SmallLimits();
        using var client = factory.CreateClient();
        for (var i = 0; i < 4; i++) (await client.GetAsync("/api/departments")).Dispose();

        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode} on try {i + 1}; expected 200");
        }
    }

    [Fact]
    public async Task LimitsCanBeTurnedOff()
    {
        await using var factory = SmallLimits().With("Booking:RateLimits:Enabled", "false");
        using var client = factory.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync("/api/departments");
            await response.ReadAsync(HttpStatusCode.OK);
        }
    }

    [Theory]
    [InlineData("Booking:RateLimits:PerAccount:Burst", "0")]
    [InlineData("Booking:RateLimits:PerAddress:PermitsPerSecond", "0")]
    [InlineData("Booking:RateLimits:SignIn:PermitsPerSecond", "-1")]
    [InlineData("Booking:Limits:MaxRequestBodyBytes", "0")]
    public async Task AnImpossibleLimitStopsStartUpNamingTheOption(string key, string value)
    {
        await using var factory = new AbuseApiFactory().With(key, value);

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
