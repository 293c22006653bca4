namespace OrleansBooking.Api.Cors;

/// <summary>
/// Browser apps on other origins (a partner's booking site, the hospital's own app on another host)
/// that may call the API (configuration section <see cref="SectionName"/>). Off by default: with no
/// origin listed, no CORS header is ever sent and browsers keep other sites out.
/// </summary>
public sealed class CrossOriginOptions
{
    public const string SectionName = "Booking:Cors";

    /// <summary>Origins as a browser sends them, e.g. <c>https://app.example-hospital.cn</c>: scheme, host and port only. Default none.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may keep a preflight's answer. Default 10 minutes.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = DefaultPreflightMaxAge;

    public static readonly TimeSpan DefaultPreflightMaxAge = TimeSpan.FromMinutes(10);
}
