using System.Net;
using Microsoft.Extensions.Options;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Abuse;

/// <summary>Behind a listed load balancer the forwarded client address counts; from anyone else X-Forwarded-For is ignored.</summary>
public sealed class TrustedProxyTests
{
    private static AbuseApiFactory TwoPerAddress() => (AbuseApiFactory)new AbuseApiFactory()
        .With("Booking:RateLimits:PerAddress:Burst", "2")
        .With("Booking:RateLimits:PerAddress:PermitsPerSecond", "0.01");

    private static async Task<HttpStatusCode> BrowseAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/departments");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task BehindATrustedBalancerEachClientHasItsOwnLimit()
    {
        // Every request arrives from AbuseApiFactory.DefaultClientAddress: the balancer.
        await using var factory = (AbuseApiFactory)TwoPerAddress().With("Booking:Network:TrustedProxies:0", AbuseApiFactory.DefaultClientAddress);
        using var client = factory.CreateAnonymousClient();

        var first = new[] { await BrowseAsync(client, "198.51.100.1"), await BrowseAsync(client, "198.51.100.1"), await BrowseAsync(client, "198.51.100.1") };
        var second = await BrowseAsync(client, "198.51.100.2");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, second);
    }

    [Fact]
    public async Task FromAnUntrustedAddressTheForwardedHeaderIsIgnored()
    {
        await using var factory = TwoPerAddress();
        using var client = factory.CreateAnonymousClient();

        // A script inventing a new address per request is still one caller.
        var answers = new[] { await BrowseAsync(client, "198.51.100.1"), await BrowseAsync(client, "198.51.100.2"), await BrowseAsync(client, "198.51.100.3") };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task AProxyThatIsNotAnAddressStopsStartUp()
    {
        await using var factory = new BookingApiFactory().With("Booking:Network:TrustedNetworks:0", "10.0.0.0/99");

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateAnonymousClient());

        Assert.Contains("Booking:Network:TrustedNetworks", error.Message, StringComparison.Ordinal);
    }
}
