using System.Threading.RateLimiting;
using OrleansBooking.Api.Problems;

namespace OrleansBooking.Api.RateLimiting;

/// <summary>How a refused request is answered: 429 <c>too_many_requests</c> with <c>Retry-After</c> in whole seconds.</summary>
public static class RateLimitRejection
{
    public static Task AnswerAsync(HttpContext context, RateLimitLease lease) =>
        BookingProblems.TooManyRequests(RetryAfterSeconds(lease)).ExecuteAsync(context);

    /// <summary>Rounded up and at least 1: a client that waits what it was told must find a token.</summary>
    public static int RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var delay)
            ? (int)Math.Clamp(Math.Ceiling(delay.TotalSeconds), 1, int.MaxValue)
            : 1;
}
