using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace OrleansBooking.Api.RateLimiting;

/// <summary>
/// One <see cref="TokenBucket"/> per caller key (an account, an address), found without a lock;
/// buckets that have been full for <see cref="IdleLimit"/> are dropped by a sweep every
/// <see cref="SweepInterval"/>.
/// </summary>
/// <remarks>
/// Our own because the framework's <c>PartitionedRateLimiter.Create</c> takes one global lock on
/// every acquire and, every 100 ms, copies and walks all its partitions under it: with 150,000
/// signed-in patients at 08:00 that was lock contention on every request and a walk of 150,000
/// buckets ten times a second (profiled, docs/benchmarks.md). A dropped bucket was full, so a
/// caller who comes back meets a full bucket again: dropping changes no answer.
/// </remarks>
public sealed class KeyedTokenBuckets<TKey> : PartitionedRateLimiter<HttpContext> where TKey : notnull
{
    /// <summary>The caller's key; false for a caller this limit does not count.</summary>
    public delegate bool KeyOf(HttpContext context, out TKey key);

    public static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<TKey, TokenBucket> buckets = new();
    private readonly KeyOf keyOf;
    private readonly Func<TokenBucket> newBucket;
    private readonly ITimer sweep;

    public KeyedTokenBuckets(KeyOf keyOf, RequestAllowance allowance, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentNullException.ThrowIfNull(allowance);
        ArgumentNullException.ThrowIfNull(clock);
        this.keyOf = keyOf;
        newBucket = () => new TokenBucket(allowance, clock);
        _ = newBucket(); // the allowance is checked now, not at the first request
        sweep = clock.CreateTimer(static state => ((KeyedTokenBuckets<TKey>)state!).DropIdleBuckets(), this, SweepInterval, SweepInterval);
    }

    /// <summary>How many callers have a bucket now.</summary>
    public int Count => buckets.Count;

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) =>
        keyOf(resource, out var key) && buckets.TryGetValue(key, out var bucket) ? bucket.GetStatistics() : null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        keyOf(resource, out var key) ? BucketOf(key).AttemptAcquire(permitCount) : TokenBucketLease.Granted;

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    protected override void Dispose(bool disposing)
    {
        if (disposing) sweep.Dispose();
    }

    protected override ValueTask DisposeAsyncCore() => sweep.DisposeAsync();

    // GetOrAdd looks up without a lock first; the factory runs only for a new caller.
    private TokenBucket BucketOf(TKey key) => buckets.GetOrAdd(key, static (_, make) => make(), newBucket);

    /// <summary>
    /// Drops buckets full for at least <see cref="IdleLimit"/>. A request racing the drop may take a
    /// token from the dropped bucket and the next one gets a new full bucket: the caller gains at
    /// most one token, once, after ten idle seconds.
    /// </summary>
    internal void DropIdleBuckets()
    {
        foreach (var (key, bucket) in buckets)
        {
            if (bucket.IdleDuration >= IdleLimit) buckets.TryRemove(new KeyValuePair<TKey, TokenBucket>(key, bucket));
        }
    }
}
