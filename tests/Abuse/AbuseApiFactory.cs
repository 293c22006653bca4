using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.RateLimiting;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Abuse;

/// <summary>
/// The silo in process with a client address on every request (the test server gives none): the
/// <see cref="ClientAddressHeader"/> header's, or <see cref="DefaultClientAddress"/>.
/// </summary>
public sealed class AbuseApiFactory : BookingApiFactory
{
    public const string ClientAddressHeader = "X-Test-Client-Address";
    public const string DefaultClientAddress = "203.0.113.1";

    /// <summary>The production limits (BookingApiFactory lifts them out of the other tests' way).</summary>
    public AbuseApiFactory()
    {
        With("Booking:RateLimits:PerAccount:Burst", RateLimitOptions.DefaultPerAccountBurst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Booking:RateLimits:PerAddress:Burst", RateLimitOptions.DefaultPerAddressBurst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Booking:RateLimits:SignIn:Burst", RateLimitOptions.DefaultSignInBurst.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var header = context.Request.Headers[ClientAddressHeader];
                context.Connection.RemoteIpAddress = IPAddress.Parse(header.Count == 1 ? header[0]! : DefaultClientAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
