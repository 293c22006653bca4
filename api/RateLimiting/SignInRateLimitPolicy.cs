using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace OrleansBooking.Api.RateLimiting;

/// <summary>
/// <see cref="RateLimitPolicies.SignIn"/>: the stricter per-address allowance of the routes where
/// passwords are guessed and accounts are farmed. Refusals are answered by the shared 429.
/// </summary>
public sealed class SignInRateLimitPolicy(IOptions<RateLimitOptions> options, TimeProvider clock) : IRateLimiterPolicy<ClientNetwork>
{
    private readonly Func<ClientNetwork, RateLimiter> newBucket = _ => new TokenBucket(options.Value.SignIn, clock);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<ClientNetwork> GetPartition(HttpContext httpContext) =>
        CallerRateLimits.AddressOf(httpContext, out var network)
            ? RateLimitPartition.Get(network, newBucket)
            : RateLimitPartition.GetNoLimiter(ClientNetwork.None);
}
