using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Api.RateLimiting;

namespace OrleansBooking.Tests.Abuse;

/// <summary>One bucket per caller key, none for callers not counted, and idle buckets dropped without changing an answer.</summary>
public sealed class KeyedTokenBucketsTests : IDisposable
{
    private readonly FakeTimeProvider clock = new();
    private readonly KeyedTokenBuckets<string> buckets;

    public KeyedTokenBucketsTests()
    {
        buckets = new KeyedTokenBuckets<string>(CallerOf, new RequestAllowance { Burst = 2, PermitsPerSecond = 1 }, clock);
    }

    public void Dispose() => buckets.Dispose();

    [Fact]
    public void EachCallerHasItsOwnBucket()
    {
        Assert.Equal(2, Attempts("a", 5));
        Assert.Equal(2, Attempts("b", 5));
        Assert.Equal(2, buckets.Count);
    }

    [Fact]
    public void ACallerWithoutAKeyIsNotCountedAndGetsNoBucket()
    {
        Assert.Equal(5, Attempts(caller: null, 5));
        Assert.Equal(0, buckets.Count);
    }

    [Fact]
    public void TheSweepDropsBucketsThatHaveBeenFullLongEnough()
    {
        Attempts("a", 1);
        clock.Advance(KeyedTokenBuckets<string>.SweepInterval);

        Assert.Equal(0, buckets.Count);
    }

    [Fact]
    public void TheSweepKeepsTheBucketOfACallerWhoStillOwesTokens()
    {
        Attempts("a", 2);
        // Emptied just before the sweep: still owed a refill, so the bucket must stay.
        clock.Advance(KeyedTokenBuckets<string>.SweepInterval - TimeSpan.FromMilliseconds(500));
        Attempts("a", 2);
        clock.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(1, buckets.Count);
        Assert.Equal(0, Attempts("a", 1));
    }

    [Fact]
    public void ACallerWhoseBucketWasDroppedMeetsAFullBucketAsBefore()
    {
        Attempts("a", 2);
        clock.Advance(KeyedTokenBuckets<string>.SweepInterval);
        Assert.Equal(0, buckets.Count);

        Assert.Equal(2, Attempts("a", 5));
    }

    private int Attempts(string? caller, int count)
    {
        var granted = 0;
        for (var i = 0; i < count; i++)
        {
            var context = new DefaultHttpContext();
            if (caller is not null) context.Request.Headers["X-Caller"] = caller;
            using var lease = buckets.AttemptAcquire(context);
            if (lease.IsAcquired) granted++;
        }
        return granted;
    }

    private static bool CallerOf(HttpContext context, out string caller)
    {
        caller = context.Request.Headers["X-Caller"].ToString();
        return caller.Length > 0;
    }
}
