using System.Threading.RateLimiting;

namespace OrleansBooking.Api.RateLimiting;

/// <summary>
/// A token bucket that reads the time from a <see cref="TimeProvider"/> when asked, instead of
/// refilling on a timer: no timer per caller, and tests drive it with a manual clock. Refuses at
/// once (no queue), telling the caller when enough tokens will be back.
/// </summary>
/// <remarks>
/// The whole state is one number, <c>fullAt</c>: the instant the bucket would be full again if
/// nobody took another token. A request for n tokens moves it n refill intervals later, and is
/// granted while the bucket's debt (<c>fullAt − now</c>) stays within its size; so tokens are
/// counted exactly without a lock, by one compare-and-swap. (This is the "virtual scheduling"
/// form of the token bucket, also known as GCRA.)
/// </remarks>
public sealed class TokenBucket : RateLimiter
{
    private readonly TimeProvider clock;
    private readonly int burst;
    private readonly long refillTicks;
    private readonly long capacityTicks;
    private long fullAt;
    private long granted;
    private long refused;

    public TokenBucket(RequestAllowance allowance, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(allowance);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(allowance.Burst, 1, nameof(allowance));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(allowance.Burst, RequestAllowance.MaxBurst, nameof(allowance));
        if (!(allowance.PermitsPerSecond >= RequestAllowance.MinPermitsPerSecond && allowance.PermitsPerSecond <= RequestAllowance.MaxPermitsPerSecond))
            throw new ArgumentOutOfRangeException(nameof(allowance), allowance.PermitsPerSecond, "PermitsPerSecond is out of range.");

        this.clock = clock;
        burst = allowance.Burst;
        // Rounded to whole ticks (100 ns): at most a 50 ns error per token.
        refillTicks = Math.Max(1, (long)Math.Round(TimeSpan.TicksPerSecond / allowance.PermitsPerSecond));
        capacityTicks = burst * refillTicks;
        fullAt = Now();
    }

    /// <summary>How long the bucket has been full; null while a caller still owes tokens (so it must be kept).</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            var idle = Now() - Volatile.Read(ref fullAt);
            return idle >= 0 ? TimeSpan.FromTicks(idle) : null;
        }
    }

    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = (capacityTicks - Debt(Now(), Volatile.Read(ref fullAt))) / refillTicks,
        CurrentQueuedCount = 0,
        TotalSuccessfulLeases = Interlocked.Read(ref granted),
        TotalFailedLeases = Interlocked.Read(ref refused),
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, burst);
        while (true)
        {
            var now = Now();
            var seen = Volatile.Read(ref fullAt);
            var debt = Debt(now, seen) + permitCount * refillTicks;
            // Zero permits asks whether one would be granted, without taking it.
            var needed = permitCount == 0 ? debt + refillTicks : debt;
            if (needed > capacityTicks)
            {
                Interlocked.Increment(ref refused);
                return TokenBucketLease.RefusedFor(TimeSpan.FromTicks(needed - capacityTicks));
            }
            if (permitCount == 0 || Interlocked.CompareExchange(ref fullAt, now + debt, seen) == seen)
            {
                Interlocked.Increment(ref granted);
                return TokenBucketLease.Granted;
            }
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    /// <summary>
    /// Nothing to release. Deliberately does not make later calls throw: the partitioned limiter
    /// disposes an idle bucket while a request may still hold it, and that request should get an
    /// answer, not an <see cref="ObjectDisposedException"/> (a 500).
    /// </summary>
    protected override void Dispose(bool disposing)
    {
    }

    /// <summary>The refill time still owed at <paramref name="now"/>: 0 for a full bucket, <c>capacity</c> for an empty one.</summary>
    private long Debt(long now, long fullAtSeen)
    {
        var debt = fullAtSeen - now;
        if (debt <= 0) return 0;
        // More than a full bucket's debt means the wall clock was set back; count the bucket as
        // empty rather than refuse every request until the clock catches up again.
        return Math.Min(debt, capacityTicks);
    }

    private long Now() => clock.GetUtcNow().UtcTicks;
}
