using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.Tests.LoadTests;

public class LatencyHistogramTests
{
    private static readonly double[] Percentiles = [0, 1, 25, 50, 75, 90, 99, 99.9, 99.99, 100];

    /// <summary>
    /// The exact percentile by HdrHistogram.NET's rank rule: the r-th smallest value, r = p·n/100
    /// rounded to the nearest integer (halves up), at least 1. Computed in integers, from a sorted array.
    /// </summary>
    private static long ExactPercentile(long[] sorted, double percentile)
    {
        long millionths = (long)Math.Round(percentile * 10_000);
        long rank = Math.Clamp((millionths * sorted.Length + 500_000) / 1_000_000, 1, sorted.Length);
        return sorted[rank - 1];
    }

    private static long[] LatencyLikeSample(int count, int seed)
    {
        // Log-normal around 2 ms with a long tail to ~10 s: the spread of a real rush.
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => (long)Math.Exp(7.6 + 1.4 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))
            .ToArray();
    }

    private static LatencyHistogram Recorded(long[] values, int significantDigits = LatencyHistogram.DefaultSignificantDigits)
    {
        var histogram = new LatencyHistogram(significantDigits: significantDigits);
        foreach (var v in values) histogram.Record(v);
        return histogram;
    }

    [Theory]
    [InlineData(1, 1, 3)]
    [InlineData(1_000, 2, 3)]
    [InlineData(1_001, 4, 3)]
    [InlineData(100_000, 3, 3)]
    [InlineData(1_000, 5, 2)]
    [InlineData(50_000, 6, 2)]
    public void PercentilesAreTheExactValueRoundedUpWithinTheStatedPrecision(int count, int seed, int significantDigits)
    {
        var values = LatencyLikeSample(count, seed);
        var histogram = Recorded(values, significantDigits);
        Array.Sort(values);
        long resolution = (long)Math.Pow(10, significantDigits);

        foreach (var p in Percentiles)
        {
            long exact = ExactPercentile(values, p);
            long actual = histogram.ValueAtPercentile(p);
            // Never below the exact value (a bucket reports its top), never above the maximum seen,
            // and off by at most one part in 10^digits.
            Assert.True(actual >= exact && actual <= values[^1] && (actual - exact) * resolution <= exact,
                $"p{p} of {count} at {significantDigits} digits: exact {exact}, histogram {actual}");
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    public void ValuesBelowTwiceTenToTheDigitsAreExact(int significantDigits)
    {
        // HdrHistogram keeps every integer below 2·10^digits in a bucket of its own, so here the
        // percentiles must be the exact ones: this checks the rank rule itself (p75 and p90 of 1,999
        // values fall where rounding and rounding up pick different ranks).
        long distinct = 2 * (long)Math.Pow(10, significantDigits) - 1;
        var values = Enumerable.Range(0, (int)distinct).Select(v => (long)v).ToArray();
        new Random(13).Shuffle(values);
        var histogram = Recorded(values, significantDigits);
        Array.Sort(values);

        Assert.Equal(distinct, histogram.TotalCount);
        foreach (var p in Percentiles)
        {
            long exact = ExactPercentile(values, p);
            long actual = histogram.ValueAtPercentile(p);
            Assert.True(exact == actual, $"p{p} at {significantDigits} digits: exact {exact}, histogram {actual}");
        }
    }

    [Fact]
    public void CountMeanMinAndMaxAreExact()
    {
        long[] values = [5, 1_000, 123_456, 9_876_543];
        var histogram = Recorded(values);

        Assert.Equal(4, histogram.TotalCount);
        Assert.Equal(5, histogram.Min);
        Assert.Equal(9_876_543, histogram.Max);
        Assert.Equal(values.Average(), histogram.Mean, precision: 6);
        Assert.Equal(9_876_543, histogram.ValueAtPercentile(100));
    }

    [Fact]
    public void ValuesOutsideTheRangeAreClampedAndCounted()
    {
        var histogram = new LatencyHistogram(highestTrackableValue: 1_000_000);
        histogram.Record(5_000_000);
        histogram.Record(10);
        histogram.Record(-3);

        Assert.Equal(3, histogram.TotalCount);
        Assert.Equal(1, histogram.ClampedCount);
        Assert.Equal(1_000_000, histogram.Max);
        Assert.Equal(0, histogram.Min);
        Assert.Equal(1_000_000, histogram.ValueAtPercentile(100));
    }

    [Fact]
    public void AddingHistogramsGivesTheSameFiguresAsRecordingIntoOne()
    {
        var values = LatencyLikeSample(20_000, 11);
        var whole = new LatencyHistogram();
        var left = new LatencyHistogram();
        var right = new LatencyHistogram();
        for (int i = 0; i < values.Length; i++)
        {
            whole.Record(values[i]);
            (i % 2 == 0 ? left : right).Record(values[i]);
        }
        left.Add(right);

        foreach (var p in Percentiles)
            Assert.True(whole.ValueAtPercentile(p) == left.ValueAtPercentile(p), $"p{p}: one histogram {whole.ValueAtPercentile(p)}, merged {left.ValueAtPercentile(p)}");
        Assert.Equal(whole.TotalCount, left.TotalCount);
        Assert.Equal(values.Max(), left.Max);
        Assert.Equal(values.Min(), left.Min);
        Assert.Equal(values.Average(), left.Mean, precision: 6);
    }

    [Fact]
    public void ConcurrentRecordingLosesNoCounts()
    {
        var histogram = new LatencyHistogram();
        Parallel.For(0, 8, worker =>
        {
            for (int i = 0; i < 50_000; i++) histogram.Record(i % 5_000);
        });

        Assert.Equal(400_000, histogram.TotalCount);
        Assert.Equal(4_999, histogram.Max);
        Assert.Equal(2_499.5, histogram.Mean, precision: 6);
        Assert.Equal(2_499, histogram.ValueAtPercentile(50));
    }

    [Fact]
    public void EmptyHistogramReportsZero()
    {
        var histogram = new LatencyHistogram();
        Assert.Equal(0, histogram.ValueAtPercentile(99));
        Assert.Equal(0, histogram.Max);
        Assert.Equal(0, histogram.Min);
        Assert.Equal(0, histogram.Mean);
    }
}
