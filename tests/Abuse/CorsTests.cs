using System.Net;
using Microsoft.Extensions.Options;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Abuse;

/// <summary>
/// Browser apps on another origin may call the API only when the operator lists that origin
/// (Booking:Cors:AllowedOrigins); with none listed (the default) no CORS header is ever sent.
/// </summary>
public sealed class CorsTests
{
    private const string App = "https://app.example-hospital.cn";

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/pools/pool-1/reservations");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
        return request;
    }

    [Fact]
    public async Task AListedOriginIsAllowedItsPreflightAndSeesTheHeadersItNeeds()
    {
        await using var silo = new BookingApiFactory().With("Booking:Cors:AllowedOrigins:0", App);
        using var client = silo.CreateAnonymousClient();

        using var preflight = await client.SendAsync(Preflight(App));
        var get = new HttpRequestMessage(HttpMethod.Get, "/api/booking-rules");
        get.Headers.Add("Origin", App);
        using var read = await client.SendAsync(get);

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(App, Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("idempotency-key", string.Join(',', preflight.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(App, Assert.Single(read.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("Retry-After", string.Join(',', read.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]                              // the default: off
    [InlineData("https://other.example.org")]       // another origin is listed
    public async Task AnOriginNotListedGetsNoCorsHeader(string? listed)
    {
        await using var silo = new BookingApiFactory();
        if (listed is not null) silo.With("Booking:Cors:AllowedOrigins:0", listed);
        using var client = silo.CreateAnonymousClient();

        using var preflight = await client.SendAsync(Preflight(App));

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"), $"{preflight.StatusCode}: {string.Join("; ", preflight.Headers)}");
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://app.example.org/")]
    [InlineData("app.example.org")]
    [InlineData("ftp://app.example.org")]
    public async Task AnOriginThatIsNoOriginStopsTheSiloNamingTheSetting(string origin)
    {
        await using var silo = new BookingApiFactory().With("Booking:Cors:AllowedOrigins:0", origin);

        var error = Assert.ThrowsAny<OptionsValidationException>(() => silo.CreateAnonymousClient());

        Assert.Contains("Booking:Cors:AllowedOrigins", error.Message, StringComparison.Ordinal);
    }
}
