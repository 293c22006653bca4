namespace OrleansBooking.Api.RequestLimits;

/// <summary>
/// How big a request may be. <see cref="MaxRequestBodyBytes"/> is bound from configuration section
/// <see cref="SectionName"/> (the section the per-patient limits live in too); the header caps are fixed.
/// </summary>
public sealed class RequestLimitOptions
{
    public const string SectionName = "Booking:Limits";

    /// <summary>
    /// 64 KiB. The largest honest body is a doctor with a 2000-character biography and 20
    /// specialties: about 12 KB even with every character escaped as \uXXXX. Five times that is
    /// room enough, and a client cannot make the server parse megabytes of JSON per request.
    /// </summary>
    public const long DefaultMaxRequestBodyBytes = 64 * 1024;
    public const long MinRequestBodyBytes = 1024;
    public const long MaxRequestBodyBytesCeiling = 100 * 1024 * 1024;

    /// <summary>1 MiB for <c>POST /api/admin/patients/bulk</c>, the one route that may carry more.</summary>
    public const long BulkRegistrationBodyBytes = 1024 * 1024;

    /// <summary>
    /// 16 KiB and 50 headers (Kestrel allows 32 KiB and 100). Our clients send a bearer token of
    /// about 1 KiB and a dozen ordinary headers; anything near the cap is not one of them, and a
    /// lower cap is less that a slow or hostile client can make the server hold per connection.
    /// </summary>
    public const int MaxRequestHeadersTotalBytes = 16 * 1024;

    /// <inheritdoc cref="MaxRequestHeadersTotalBytes"/>
    public const int MaxRequestHeaderCount = 50;

    /// <summary>The longest request target (path and query) answered; Kestrel's own request line limit is 8 KiB.</summary>
    public const int MaxRequestTargetBytes = 8 * 1024;

    /// <summary>
    /// Kestrel's own limits are set this many times ours, so a request over ours still reaches
    /// <see cref="RequestShapeCheck"/> and is refused as problem+json. Kestrel answers one over its
    /// limits with an empty body (it never reaches the application), as it does a %00 in the path.
    /// </summary>
    public const int ServerLimitFactor = 4;

    /// <summary>The largest request body any route but bulk registration reads. Default 64 KiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;
}
