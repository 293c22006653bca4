using Microsoft.AspNetCore.RateLimiting;

namespace OrleansBooking.Api.RateLimiting;

/// <summary>
/// <see cref="RateLimitPolicies.SignIn"/>: the stricter per-address allowance of the routes where
/// passwords are guessed and accounts are farmed, on top of the limit every request passes. A route
/// asks for it with <c>.RequireRateLimiting(RateLimitPolicies.SignIn)</c>.
/// </summary>
public sealed class SignInRateLimits(RateLimitOptions options, TimeProvider clock) : IDisposable
{
    public KeyedTokenBuckets<ClientNetwork> PerAddress { get; } = new(CallerRateLimits.AddressOf, options.SignIn, clock);

    public static bool AppliesTo(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == RateLimitPolicies.SignIn;

    public void Dispose() => PerAddress.Dispose();
}
