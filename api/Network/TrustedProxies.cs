using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.Network;

/// <summary>
/// Behind nginx or haproxy every request comes from the balancer's address: the per-address rate
/// limit would then be one bucket for the whole hospital, and the audit log would say "from the
/// balancer". With the balancers listed, the client address is the one they forward (the last
/// hop only: a client's own X-Forwarded-For entries are not believed).
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddBookingTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedProxyOptions>, TrustedProxyOptionsValidation>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            forwarded.ForwardLimit = 1;
            // Replace the defaults (loopback): only what the operator lists is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Value.TrustedProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in trusted.Value.TrustedNetworks) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    /// <summary>First in the pipeline, so rate limits, the audit log and everything after see the real client. Adds nothing when no proxy is listed.</summary>
    public static WebApplication UseBookingTrustedProxies(this WebApplication app)
    {
        var trusted = app.Services.GetRequiredService<IOptions<TrustedProxyOptions>>().Value;
        if (trusted.TrustedProxies.Count > 0 || trusted.TrustedNetworks.Count > 0) app.UseForwardedHeaders();
        return app;
    }
}
