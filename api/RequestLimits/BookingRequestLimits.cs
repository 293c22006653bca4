using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.RequestLimits;

/// <summary>
/// Kestrel's request size limits. A body over the limit is answered 413 <c>payload_too_large</c>
/// whether it announces its length or arrives chunked (Kestrel counts the bytes as they are read).
/// A route that needs more says so with <see cref="RequestSizeLimitAttribute"/> metadata.
/// </summary>
public static class BookingRequestLimits
{
    public static IServiceCollection AddBookingRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<RequestLimitOptions>().BindConfiguration(RequestLimitOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RequestLimitOptions>, RequestLimitOptionsValidation>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitOptions>>((kestrel, limits) =>
        {
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes;
            // Ours are enforced by RequestShapeCheck, which answers problem+json; Kestrel's, further out, answer empty bodies.
            kestrel.Limits.MaxRequestHeadersTotalSize = RequestLimitOptions.MaxRequestHeadersTotalBytes * RequestLimitOptions.ServerLimitFactor;
            kestrel.Limits.MaxRequestHeaderCount = RequestLimitOptions.MaxRequestHeaderCount * RequestLimitOptions.ServerLimitFactor;
            kestrel.Limits.MaxRequestLineSize = RequestLimitOptions.MaxRequestTargetBytes * RequestLimitOptions.ServerLimitFactor;
        });
        return services;
    }

    /// <summary>First in the pipeline: requests too long or malformed to route are refused as problem+json.</summary>
    public static WebApplication UseBookingRequestLimits(this WebApplication app)
    {
        app.UseMiddleware<RequestShapeCheck>();
        return app;
    }
}
