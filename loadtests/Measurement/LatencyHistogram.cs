using System.Numerics;

namespace OrleansBooking.LoadTests.Measurement;

/// <summary>
/// A log-linear histogram of non-negative integers (we record microseconds) with HdrHistogram's
/// layout and percentile semantics: every value is kept to the requested number of significant
/// decimal digits, so p99.9 of a million samples costs a fixed, small array instead of a sort.
/// Recording is lock-free and safe from many threads at once.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Default precision: three significant digits, HdrHistogram's usual choice.</summary>
    public const int DefaultSignificantDigits = 3;

    /// <summary>Default ceiling: one hour in microseconds; larger values are clamped and counted.</summary>
    public const long DefaultHighestTrackableValue = 3_600_000_000;

    private readonly int _subBucketHalfCountMagnitude;
    private readonly int _subBucketHalfCount;
    private readonly long _subBucketMask;
    private readonly int _leadingZeroCountBase;
    private readonly long[] _counts;
    private long _totalCount;
    private long _sum;
    private long _max;
    private long _min = long.MaxValue;
    private long _clampedCount;

    public LatencyHistogram(long highestTrackableValue = DefaultHighestTrackableValue, int significantDigits = DefaultSignificantDigits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(highestTrackableValue, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(significantDigits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(significantDigits, 5);

        HighestTrackableValue = highestTrackableValue;
        SignificantDigits = significantDigits;

        // The lowest discernible value is 1 (unit magnitude 0): one microsecond is fine enough.
        long largestValueWithSingleUnitResolution = 2 * (long)Math.Pow(10, significantDigits);
        int subBucketCountMagnitude = (int)Math.Ceiling(Math.Log2(largestValueWithSingleUnitResolution));
        _subBucketHalfCountMagnitude = subBucketCountMagnitude - 1;
        int subBucketCount = 1 << subBucketCountMagnitude;
        _subBucketHalfCount = subBucketCount / 2;
        _subBucketMask = subBucketCount - 1;
        _leadingZeroCountBase = 64 - _subBucketHalfCountMagnitude - 1;

        long smallestUntrackableValue = subBucketCount;
        int bucketCount = 1;
        while (smallestUntrackableValue <= highestTrackableValue)
        {
            if (smallestUntrackableValue > long.MaxValue / 2)
            {
                bucketCount++;
                break;
            }
            smallestUntrackableValue <<= 1;
            bucketCount++;
        }
        _counts = new long[(bucketCount + 1) * _subBucketHalfCount];
    }

    public long HighestTrackableValue { get; }
    public int SignificantDigits { get; }
    public long TotalCount => Volatile.Read(ref _totalCount);
    /// <summary>Values above <see cref="HighestTrackableValue"/>, recorded as that value.</summary>
    public long ClampedCount => Volatile.Read(ref _clampedCount);
    /// <summary>The exact largest value recorded (not rounded to its bucket), 0 when empty.</summary>
    public long Max => Volatile.Read(ref _max);
    /// <summary>The exact smallest value recorded, 0 when empty.</summary>
    public long Min => TotalCount == 0 ? 0 : Volatile.Read(ref _min);
    public double Mean => TotalCount == 0 ? 0 : (double)Volatile.Read(ref _sum) / TotalCount;

    public void Record(long value)
    {
        if (value < 0) value = 0;
        if (value > HighestTrackableValue)
        {
            value = HighestTrackableValue;
            Interlocked.Increment(ref _clampedCount);
        }
        Interlocked.Increment(ref _counts[CountsIndexOf(value)]);
        Interlocked.Increment(ref _totalCount);
        Interlocked.Add(ref _sum, value);
        UpdateMax(value);
        UpdateMin(value);
    }

    /// <summary>Adds every count of <paramref name="other"/>, which must have the same layout.</summary>
    public void Add(LatencyHistogram other)
    {
        if (other.HighestTrackableValue != HighestTrackableValue || other.SignificantDigits != SignificantDigits)
            throw new ArgumentException("Histograms differ in range or precision.", nameof(other));
        for (int i = 0; i < _counts.Length; i++)
        {
            long c = Volatile.Read(ref other._counts[i]);
            if (c != 0) Interlocked.Add(ref _counts[i], c);
        }
        Interlocked.Add(ref _totalCount, other.TotalCount);
        Interlocked.Add(ref _sum, Volatile.Read(ref other._sum));
        Interlocked.Add(ref _clampedCount, other.ClampedCount);
        if (other.TotalCount > 0)
        {
            UpdateMax(other.Max);
            UpdateMin(other.Min);
        }
    }

    /// <summary>
    /// The value at <paramref name="percentile"/> (0–100) by HdrHistogram's rule: the highest value
    /// equivalent to the smallest recorded value that at least ceil(p% × count) values do not exceed.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        long total = TotalCount;
        if (total == 0) return 0;
        double requested = Math.Clamp(percentile, 0.0, 100.0);
        // The small epsilon keeps 99.9% of 1,000 at rank 999 despite binary rounding.
        long countAtPercentile = Math.Max(1, (long)Math.Ceiling(requested / 100.0 * total - 1e-9));
        long seen = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            seen += Volatile.Read(ref _counts[i]);
            if (seen >= countAtPercentile)
            {
                long value = ValueFromIndex(i);
                long result = requested == 0.0 ? LowestEquivalentValue(value) : HighestEquivalentValue(value);
                // Never report more than was seen: the bucket's top can exceed the true maximum.
                return Math.Min(result, Max);
            }
        }
        return Max;
    }

    /// <summary>The smallest value that shares a bucket with <paramref name="value"/>.</summary>
    public long LowestEquivalentValue(long value)
    {
        int bucket = BucketIndexOf(value);
        int subBucket = SubBucketIndexOf(value, bucket);
        return (long)subBucket << bucket;
    }

    /// <summary>The largest value that shares a bucket with <paramref name="value"/>.</summary>
    public long HighestEquivalentValue(long value) => LowestEquivalentValue(value) + SizeOfEquivalentRange(value) - 1;

    /// <summary>How many distinct integers this histogram cannot tell apart from <paramref name="value"/>.</summary>
    public long SizeOfEquivalentRange(long value)
    {
        int bucket = BucketIndexOf(value);
        int subBucket = SubBucketIndexOf(value, bucket);
        int adjustedBucket = subBucket >= _subBucketHalfCount * 2 ? bucket + 1 : bucket;
        return 1L << adjustedBucket;
    }

    private int CountsIndexOf(long value)
    {
        int bucket = BucketIndexOf(value);
        int subBucket = SubBucketIndexOf(value, bucket);
        return ((bucket + 1) << _subBucketHalfCountMagnitude) + (subBucket - _subBucketHalfCount);
    }

    private int BucketIndexOf(long value) =>
        _leadingZeroCountBase - BitOperations.LeadingZeroCount((ulong)(value | _subBucketMask));

    private static int SubBucketIndexOf(long value, int bucket) => (int)(value >> bucket);

    private long ValueFromIndex(int index)
    {
        int bucket = (index >> _subBucketHalfCountMagnitude) - 1;
        int subBucket = (index & (_subBucketHalfCount - 1)) + _subBucketHalfCount;
        if (bucket < 0)
        {
            subBucket -= _subBucketHalfCount;
            bucket = 0;
        }
        return (long)subBucket << bucket;
    }

    private void UpdateMax(long value)
    {
        long current = Volatile.Read(ref _max);
        while (value > current)
        {
            long seen = Interlocked.CompareExchange(ref _max, value, current);
            if (seen == current) return;
            current = seen;
        }
    }

    private void UpdateMin(long value)
    {
        long current = Volatile.Read(ref _min);
        while (value < current)
        {
            long seen = Interlocked.CompareExchange(ref _min, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
