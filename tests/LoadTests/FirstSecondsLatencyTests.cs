using Microsoft.Extensions.Time.Testing;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>The release's own p99: requests meant to start within the first 5 s, whenever they were answered.</summary>
public class FirstSecondsLatencyTests
{
    private static readonly RequestOutcome Created = new(201, RequestOutcome.NoCode);

    /// <summary>
    /// Records one request meant to start <paramref name="intendedAfterStart"/> in and answered
    /// <paramref name="latency"/> later; the clock only moves forward, so calls come in order of answer.
    /// </summary>
    private static void Record(FakeTimeProvider clock, RunMeasurements m, RequestKind kind, TimeSpan intendedAfterStart, TimeSpan latency)
    {
        clock.SetUtcNow(TestClocks.DefaultStart + intendedAfterStart + latency);
        long intended = m.StartTimestamp + (long)(intendedAfterStart.TotalSeconds * clock.TimestampFrequency);
        m.Record(kind, Created, intended);
    }

    [Fact]
    public void OnlyRequestsMeantToStartInTheFirstFiveSecondsAreCounted()
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var m = new RunMeasurements(clock, clock.GetTimestamp());

        Record(clock, m, RequestKind.Browse, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(3));            // another kind: its own
        Record(clock, m, RequestKind.Reserve, TimeSpan.Zero, TimeSpan.FromMilliseconds(1_940));                // the release instant: in
        Record(clock, m, RequestKind.Reserve, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(7));           // the window's end: out
        Record(clock, m, RequestKind.Reserve, TimeSpan.FromMilliseconds(4_999), TimeSpan.FromMilliseconds(30)); // just inside
        Record(clock, m, RequestKind.Reserve, TimeSpan.FromSeconds(9), TimeSpan.FromMilliseconds(2));           // later: out

        var first = m.LatencyInFirstSeconds(RequestKind.Reserve);
        Assert.Equal(2, first.TotalCount);
        Assert.Equal(1_940_000, first.Max);
        Assert.Equal(30_000, first.Min);
        Assert.Equal(4, m.Latency(RequestKind.Reserve).TotalCount);
        Assert.Equal(1, m.LatencyInFirstSeconds(RequestKind.Browse).TotalCount);
    }

    [Fact]
    public void ARequestMeantToStartBeforeTheReleaseIsNotInTheWindow()
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart + TimeSpan.FromSeconds(1));
        var m = new RunMeasurements(clock, clock.GetTimestamp());
        long intendedEarlier = m.StartTimestamp - clock.TimestampFrequency / 2;

        clock.Advance(TimeSpan.FromMilliseconds(100));
        m.Record(RequestKind.Reserve, Created, intendedEarlier);

        Assert.Equal(0, m.LatencyInFirstSeconds(RequestKind.Reserve).TotalCount);
        Assert.Equal(600_000, m.Latency(RequestKind.Reserve).Max);
    }

    [Fact]
    public void PercentilesOfTheWindowAreItsOwnWithinTheStatedPrecision()
    {
        // The window holds fast answers and the rest of the run slow ones: the window's percentiles
        // must be those of its own values only, by HdrHistogram's rank rule, at 3 significant digits.
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var m = new RunMeasurements(clock, clock.GetTimestamp());
        var random = new Random(5);
        var inWindow = Enumerable.Range(0, 2_000)
            .Select(i => (Intended: TimeSpan.FromMilliseconds(i * 2.4), Latency: TimeSpan.FromMicroseconds(500 + random.Next(2_000_000))))
            .ToList();
        var later = Enumerable.Range(0, 500).Select(i => (Intended: TimeSpan.FromSeconds(30 + i * 0.001), Latency: TimeSpan.FromSeconds(50)));
        foreach (var (intended, latency) in inWindow.Concat(later).OrderBy(r => r.Intended + r.Latency))
            Record(clock, m, RequestKind.Reserve, intended, latency);
        var expected = inWindow.Select(r => (long)r.Latency.TotalMicroseconds).ToArray();

        var first = m.LatencyInFirstSeconds(RequestKind.Reserve);
        Array.Sort(expected);
        Assert.Equal(expected.Length, first.TotalCount);
        Assert.Equal(expected[^1], first.Max);
        foreach (var p in new[] { 50.0, 90, 99, 99.9 })
        {
            long rank = Math.Clamp((long)Math.Round(p / 100 * expected.Length, MidpointRounding.AwayFromZero), 1, expected.Length);
            long exact = expected[rank - 1], actual = first.ValueAtPercentile(p);
            Assert.True(actual >= exact && actual <= expected[^1] && (actual - exact) * 1_000 <= exact,
                $"p{p} of the first 5 s: exact {exact}, histogram {actual}");
        }
    }
}
