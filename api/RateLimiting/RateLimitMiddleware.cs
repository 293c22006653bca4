using System.Threading.RateLimiting;

namespace OrleansBooking.Api.RateLimiting;

/// <summary>
/// Every request takes a token from its caller's buckets (<see cref="CallerRateLimits"/>) and, on
/// the sign-in routes, from its address's sign-in bucket; a refusal is the shared 429.
/// </summary>
/// <remarks>
/// Ours instead of ASP.NET Core's rate-limiting middleware: that one keeps its named policies in a
/// <c>PartitionedRateLimiter.Create</c> and asks it on every request, even one with no policy,
/// under one global lock. At the release that lock held up a tenth of the silo's threads
/// (sampled thread stacks, docs/benchmarks.md section 0d). Our buckets are found without a lock.
/// </remarks>
public sealed class RateLimitMiddleware(RequestDelegate next, CallerRateLimits callers, SignInRateLimits signIn)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (var lease = callers.Limiter.AttemptAcquire(context))
            if (!lease.IsAcquired)
            {
                await RateLimitRejection.AnswerAsync(context, lease);
                return;
            }
        if (SignInRateLimits.AppliesTo(context))
            using (var lease = signIn.PerAddress.AttemptAcquire(context))
                if (!lease.IsAcquired)
                {
                    await RateLimitRejection.AnswerAsync(context, lease);
                    return;
                }
        await next(context);
    }
}
