namespace OrleansBooking.Api.Network;

/// <summary>
/// The load balancers in front of the silos (configuration section <c>Booking:Network</c>). Only
/// a request arriving from one of them may name its real client in <c>X-Forwarded-For</c>; from
/// anyone else the header is ignored, or any script could pick a fresh address per request and
/// walk past the per-address rate limit.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string SectionName = "Booking:Network";

    /// <summary>Addresses of trusted proxies, e.g. <c>["10.0.0.5", "10.0.0.6"]</c>.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>["10.0.0.0/24"]</c>.</summary>
    public List<string> TrustedNetworks { get; set; } = [];
}
