using System.Threading.RateLimiting;

namespace OrleansBooking.Api.RateLimiting;

/// <summary>The answer of a <see cref="TokenBucket"/>: one shared grant, or a refusal that says when to come back.</summary>
public sealed class TokenBucketLease : RateLimitLease
{
    /// <summary>Shared: a grant carries nothing, so the hot path allocates nothing.</summary>
    public static readonly TokenBucketLease Granted = new(null);

    private static readonly string[] RetryAfterName = [MetadataName.RetryAfter.Name];

    private readonly TimeSpan? retryAfter;

    private TokenBucketLease(TimeSpan? retryAfter) => this.retryAfter = retryAfter;

    public static TokenBucketLease RefusedFor(TimeSpan retryAfter) => new(retryAfter);

    public override bool IsAcquired => retryAfter is null;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : RetryAfterName;

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (retryAfter is { } delay && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = delay;
            return true;
        }
        metadata = null;
        return false;
    }
}
