using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.RateLimiting;

/// <summary>Rate limits per signed-in account and per client address, and the named <see cref="RateLimitPolicies"/>.</summary>
public static class BookingRateLimits
{
    /// <summary>Needs a <see cref="TimeProvider"/> in the container.</summary>
    public static IServiceCollection AddBookingRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidation>();
        services.AddSingleton(sp => new CallerRateLimits(
            sp.GetRequiredService<IOptions<RateLimitOptions>>().Value, sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton(sp => new SignInRateLimits(
            sp.GetRequiredService<IOptions<RateLimitOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// Limits every request from this point of the pipeline on. Belongs after authentication, so
    /// that signed-in callers are counted per account (before it, every caller is anonymous and
    /// only the address limit applies). Adds nothing when <see cref="RateLimitOptions.Enabled"/> is false.
    /// </summary>
    public static WebApplication UseBookingRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled) app.UseMiddleware<RateLimitMiddleware>();
        return app;
    }
}
