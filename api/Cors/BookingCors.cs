using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.Cors;

/// <summary>
/// ASP.NET Core's CORS middleware with one policy built from <see cref="CrossOriginOptions"/>. The API's
/// callers send bearer tokens, not cookies, so credentials are not allowed; the headers a client
/// must read (Location, ETag, Retry-After, Idempotent-Replayed) are exposed.
/// </summary>
public static class BookingCors
{
    public const string PolicyName = "booking";

    private static readonly string[] ExposedHeaders = ["Location", "ETag", "Retry-After", "Idempotent-Replayed"];

    public static IServiceCollection AddBookingCors(this IServiceCollection services)
    {
        services.AddOptions<CrossOriginOptions>().BindConfiguration(CrossOriginOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CrossOriginOptions>, CrossOriginOptionsValidation>();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CrossOriginOptions>>((cors, settings) =>
            cors.AddPolicy(PolicyName, Policy(settings.Value)));
        return services;
    }

    /// <summary>Before anything that may answer (limits, errors, sign-in), so refusals carry the headers a browser needs to read them. Adds nothing when no origin is listed.</summary>
    public static WebApplication UseBookingCors(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<CrossOriginOptions>>().Value.AllowedOrigins.Count > 0) app.UseCors(PolicyName);
        return app;
    }

    private static CorsPolicy Policy(CrossOriginOptions settings) => new CorsPolicyBuilder()
        .WithOrigins([.. settings.AllowedOrigins])
        .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
        .WithHeaders("Authorization", "Content-Type", "Idempotency-Key", "If-None-Match", "Accept-Language")
        .WithExposedHeaders(ExposedHeaders)
        .SetPreflightMaxAge(settings.PreflightMaxAge)
        .Build();
}
