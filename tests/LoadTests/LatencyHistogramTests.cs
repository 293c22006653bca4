using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.Tests.LoadTests;

public class LatencyHistogramTests
{
    private static readonly double[] Percentiles = [0, 1, 25, 50, 75, 90, 99, 99.9, 99.99, 100];

    /// <summary>The exact nearest-rank percentile: the ceil(p·n/100)-th smallest value, computed in integers.</summary>
    private static long ExactPercentile(long[] sorted, double percentile)
    {
        long tenThousandths = (long)Math.Round(percentile * 10_000);
        long rank = Math.Max(1, (tenThousandths * sorted.Length + 1_000_000 - 1) / 1_000_000);
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

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1_000, 2)]
    [InlineData(100_000, 3)]
    public void PercentilesAreTheExactValueRoundedUpToItsBucketTop(int count, int seed)
    {
        var values = LatencyLikeSample(count, seed);
        var histogram = new LatencyHistogram();
        foreach (var v in values) histogram.Record(v);
        Array.Sort(values);

        foreach (var p in Percentiles)
        {
            long exact = ExactPercentile(values, p);
            long expected = p == 0 ? histogram.LowestEquivalentValue(exact) : Math.Min(histogram.HighestEquivalentValue(exact), values[^1]);
            long actual = histogram.ValueAtPercentile(p);
            Assert.True(expected == actual, $"p{p} of {count}: expected {expected} (exact {exact}), got {actual}");
        }
    }

    [Fact]
    public void PercentilesStayWithinThreeSignificantDigitsOfTheExactValue()
    {
        var values = LatencyLikeSample(50_000, 7);
        var histogram = new LatencyHistogram();
        foreach (var v in values) histogram.Record(v);
        Array.Sort(values);

        foreach (var p in Percentiles.Where(p => p > 0))
        {
            long exact = ExactPercentile(values, p);
            long actual = histogram.ValueAtPercentile(p);
            double relative = Math.Abs(actual - exact) / (double)Math.Max(1, exact);
            Assert.True(actual >= exact && relative <= 0.001, $"p{p}: exact {exact}, histogram {actual}, relative error {relative:E2}");
        }
    }

    [Fact]
    public void SmallValuesAreExact()
    {
        var histogram = new LatencyHistogram();
        for (long v = 0; v <= 2047; v++) histogram.Record(v);

        Assert.Equal(2048, histogram.TotalCount);
        Assert.Equal(1023, histogram.ValueAtPercentile(50));
        Assert.Equal(2047, histogram.ValueAtPercentile(100));
        Assert.Equal(1, histogram.SizeOfEquivalentRange(2047));
    }

    [Fact]
    public void CountMeanMinAndMaxAreExact()
    {
        var histogram = new LatencyHistogram();
        long[] values = [5, 1_000, 123_456, 9_876_543];
        foreach (var v in values) histogram.Record(v);

        Assert.Equal(4, histogram.TotalCount);
        Assert.Equal(5, histogram.Min);
        Assert.Equal(9_876_543, histogram.Max);
        Assert.Equal(values.Average(), histogram.Mean, precision: 6);
    }

    [Fact]
    public void ValuesAboveTheRangeAreClampedAndCounted()
    {
        var histogram = new LatencyHistogram(highestTrackableValue: 1_000_000);
        histogram.Record(5_000_000);
        histogram.Record(10);

        Assert.Equal(2, histogram.TotalCount);
        Assert.Equal(1, histogram.ClampedCount);
        Assert.Equal(1_000_000, histogram.Max);
    }

    [Fact]
    public void AddingHistogramsGivesTheSamePercentilesAsRecordingIntoOne()
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
    }

    [Fact]
    public void EmptyHistogramReportsZero()
    {
        var histogram = new LatencyHistogram();
        Assert.Equal(0, histogram.ValueAtPercentile(99));
        Assert.Equal(0, histogram.Max);
        Assert.Equal(0, histogram.Mean);
    }
}
