using HdrHistogram;

namespace OrleansBooking.LoadTests.Measurement;

/// <summary>
/// Latencies in microseconds, counted by HdrHistogram's <see cref="LongConcurrentHistogram"/>
/// (its buckets and its percentile rule), safe to record into from many threads at once.
/// What this type adds is what the reports need and HdrHistogram.NET 2.5.0 does not keep across
/// threads: the exact maximum, minimum and mean (its own are rounded to a bucket, or not
/// maintained under concurrent writes), values beyond the range clamped and counted instead of
/// thrown, and percentiles that never exceed the maximum actually seen.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Default precision: three significant digits, HdrHistogram's usual choice.</summary>
    public const int DefaultSignificantDigits = 3;

    /// <summary>Default ceiling: one hour in microseconds; larger values are clamped and counted.</summary>
    public const long DefaultHighestTrackableValue = 3_600_000_000;

    // One microsecond is fine enough.
    private const long LowestDiscernibleValue = 1;

    private readonly LongConcurrentHistogram _counts;
    private long _sum;
    private long _max;
    private long _min = long.MaxValue;
    private long _clampedCount;

    public LatencyHistogram(long highestTrackableValue = DefaultHighestTrackableValue, int significantDigits = DefaultSignificantDigits)
    {
        _counts = new LongConcurrentHistogram(LowestDiscernibleValue, highestTrackableValue, significantDigits);
    }

    public long HighestTrackableValue => _counts.HighestTrackableValue;
    public int SignificantDigits => _counts.NumberOfSignificantValueDigits;
    public long TotalCount => _counts.TotalCount;
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
        _counts.RecordValue(value);
        Interlocked.Add(ref _sum, value);
        UpdateMax(value);
        UpdateMin(value);
    }

    /// <summary>Adds every value of <paramref name="other"/>, whose range must not exceed this one's.</summary>
    public void Add(LatencyHistogram other)
    {
        _counts.Add(other._counts);
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
    /// equivalent to the recorded value at rank p% × count rounded to the nearest integer (at least 1),
    /// capped at <see cref="Max"/> since a bucket's top can exceed it; 0 when empty.
    /// </summary>
    public long ValueAtPercentile(double percentile) =>
        TotalCount == 0 ? 0 : Math.Min(_counts.GetValueAtPercentile(percentile), Max);

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
