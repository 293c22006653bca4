using Microsoft.AspNetCore.RateLimiting;
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

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RateLimitRejection.AnswerAsync;
            options.AddPolicy<ClientNetwork, SignInRateLimitPolicy>(RateLimitPolicies.SignIn);
        });
        services.AddOptions<RateLimiterOptions>().Configure<CallerRateLimits>((options, callers) => options.GlobalLimiter = callers.Limiter);
        return services;
    }

    /// <summary>
    /// Limits every request from this point of the pipeline on. Belongs after authentication, so
    /// that signed-in callers are counted per account (before it, every caller is anonymous and
    /// only the address limit applies). Adds nothing when <see cref="RateLimitOptions.Enabled"/> is false.
    /// </summary>
    public static WebApplication UseBookingRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled) app.UseRateLimiter();
        return app;
    }
}
