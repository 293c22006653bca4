using Microsoft.Extensions.Time.Testing;
using System.Threading.RateLimiting;
using OrleansBooking.Api.RateLimiting;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.Abuse;

/// <summary>The token bucket counts on the clock it is given: a burst, then the refill rate, and an honest Retry-After.</summary>
public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider clock = new();

    private TokenBucket Bucket(int burst, double permitsPerSecond) =>
        new(new RequestAllowance { Burst = burst, PermitsPerSecond = permitsPerSecond }, clock);

    [Fact]
    public void AFullBucketGrantsItsBurstAtOnceThenRefuses()
    {
        using var bucket = Bucket(burst: 3, permitsPerSecond: 1);

        var granted = Enumerable.Range(0, 3).Select(_ => bucket.AttemptAcquire().IsAcquired).ToArray();
        using var fourth = bucket.AttemptAcquire();

        Assert.Equal([true, true, true], granted);
        Assert.False(fourth.IsAcquired, "the fourth request in the same instant should be refused");
    }

    [Fact]
    public void TheBucketRefillsAtItsRate()
    {
        using var bucket = Bucket(burst: 2, permitsPerSecond: 4);
        Drain(bucket);

        clock.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(bucket.AttemptAcquire().IsAcquired, "a token takes 250 ms to come back");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(bucket.AttemptAcquire().IsAcquired, "after 250 ms one token is back");
        Assert.False(bucket.AttemptAcquire().IsAcquired, "only one");

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, bucket.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public void ARefusalSaysWhenTheNextTokenIsBack()
    {
        using var bucket = Bucket(burst: 10, permitsPerSecond: 1.0 / 6);
        Drain(bucket);
        clock.Advance(TimeSpan.FromSeconds(2));

        using var refused = bucket.AttemptAcquire();

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter), "a refusal carries Retry-After");
        Assert.Equal(TimeSpan.FromSeconds(4), retryAfter);

        clock.Advance(retryAfter);
        Assert.True(bucket.AttemptAcquire().IsAcquired, "waiting exactly Retry-After must be enough");
    }

    [Fact]
    public void AGrantCarriesNoMetadata()
    {
        using var bucket = Bucket(burst: 1, permitsPerSecond: 1);

        using var granted = bucket.AttemptAcquire();

        Assert.True(granted.IsAcquired);
        Assert.Empty(granted.MetadataNames);
        Assert.False(granted.TryGetMetadata(MetadataName.RetryAfter, out _));
    }

    [Fact]
    public void ABucketIsIdleOnlyOnceItIsFullAgain()
    {
        using var bucket = Bucket(burst: 5, permitsPerSecond: 1);
        Assert.Equal(TimeSpan.Zero, bucket.IdleDuration);

        bucket.AttemptAcquire(2).Dispose();
        Assert.Null(bucket.IdleDuration);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(bucket.IdleDuration);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, bucket.IdleDuration);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30), bucket.IdleDuration);
    }

    [Fact]
    public void AskingForZeroPermitsTakesNone()
    {
        using var bucket = Bucket(burst: 1, permitsPerSecond: 1);

        Assert.True(bucket.AttemptAcquire(0).IsAcquired, "a full bucket could grant one");
        Assert.True(bucket.AttemptAcquire(1).IsAcquired, "the zero-permit probe took nothing");
        Assert.False(bucket.AttemptAcquire(0).IsAcquired, "an empty bucket could not grant one");
    }

    [Fact]
    public async Task WaitingIsNeverQueuedButAnsweredAtOnce()
    {
        using var bucket = Bucket(burst: 1, permitsPerSecond: 1);
        Drain(bucket);

        using var lease = await bucket.AcquireAsync();

        Assert.False(lease.IsAcquired);
        Assert.Equal(0, bucket.GetStatistics()!.CurrentQueuedCount);
    }

    [Fact]
    public void ClockSetBackCountsTheBucketEmptyRatherThanRefusingUntilItCatchesUp()
    {
        var wallClock = new SettableClock(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        using var bucket = new TokenBucket(new RequestAllowance { Burst = 2, PermitsPerSecond = 1 }, wallClock);
        bucket.AttemptAcquire().Dispose();

        wallClock.Now -= TimeSpan.FromHours(1);
        using var refused = bucket.AttemptAcquire(2);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));

        Assert.Equal(TimeSpan.FromSeconds(2), retryAfter);
    }

    [Fact]
    public void CallersRacingForTheLastTokensGetExactlyTheBurst()
    {
        using var bucket = Bucket(burst: 1000, permitsPerSecond: 1);
        var granted = 0;

        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            if (bucket.AttemptAcquire().IsAcquired) Interlocked.Increment(ref granted);
        });

        Assert.Equal(1000, granted);
    }

    [Fact]
    public void StatisticsCountGrantsAndRefusals()
    {
        using var bucket = Bucket(burst: 2, permitsPerSecond: 1);

        for (var i = 0; i < 5; i++) bucket.AttemptAcquire().Dispose();

        var statistics = bucket.GetStatistics()!;
        Assert.Equal((2L, 3L, 0L), (statistics.TotalSuccessfulLeases, statistics.TotalFailedLeases, statistics.CurrentAvailablePermits));
    }

    private static void Drain(TokenBucket bucket)
    {
        while (bucket.AttemptAcquire().IsAcquired) { }
    }

    /// <summary>A wall clock that can be set back, which <see cref="FakeTimeProvider"/> refuses to do.</summary>
    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
