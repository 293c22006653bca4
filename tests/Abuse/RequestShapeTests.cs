using System.Net;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Abuse;

/// <summary>Requests too long or malformed to route are refused as problem+json with a code, like every other refusal.</summary>
public sealed class RequestShapeTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateAnonymousClient();

    [Fact]
    public async Task AnOverLongUrlAnswers414UriTooLong()
    {
        using var response = await client.GetAsync("/api/pools/" + new string('a', 9000));

        await response.ReadProblemAsync(HttpStatusCode.RequestUriTooLong, "uri_too_long");
    }

    [Fact]
    public async Task OversizedHeadersAnswer431HeadersTooLarge()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/departments");
        request.Headers.Add("X-Padding", new string('a', 20_000));

        using var response = await client.SendAsync(request);

        await response.ReadProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "headers_too_large");
    }

    [Fact]
    public async Task TooManyHeadersAnswer431HeadersTooLarge()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/departments");
        for (var i = 0; i < 60; i++) request.Headers.Add($"X-Header-{i}", "x");

        using var response = await client.SendAsync(request);

        await response.ReadProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "headers_too_large");
    }
}
