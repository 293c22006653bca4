using OrleansBooking.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.LoadTests.Arrivals;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.Tests.LoadTests;

public class ArrivalScheduleTests
{
    [Fact]
    public void ConstantUniformArrivalsAreEvenlySpacedFromTheStart()
    {
        var schedule = new ArrivalSchedule(new ConstantArrivals(10, TimeSpan.FromSeconds(1)), ArrivalSpacing.Uniform);

        var offsets = schedule.All().Select(t => Math.Round(t.TotalMilliseconds, 3)).ToList();

        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 100.0).ToList(), offsets);
    }

    [Fact]
    public void RampArrivalCountMatchesTheAreaUnderTheRate()
    {
        var ramp = new RampArrivals(From: 0, To: 200, Duration: TimeSpan.FromSeconds(10));

        var offsets = new ArrivalSchedule(ramp, ArrivalSpacing.Uniform).All().ToList();

        Assert.Equal(1_000, offsets.Count);
        // Half the arrivals of a ramp from zero come in the last 29% of it (1 - 1/√2).
        double median = offsets[500].TotalSeconds;
        Assert.True(Math.Abs(median - 10 / Math.Sqrt(2)) < 0.01, $"expected the 500th arrival at {10 / Math.Sqrt(2):0.000} s, was {median:0.000} s");
    }

    [Fact]
    public void ReleaseSpikeFrontLoadsArrivalsAndDecays()
    {
        var spike = new ReleaseSpikeArrivals(Peak: 2_000, Floor: 100, Decay: TimeSpan.FromSeconds(2), Duration: TimeSpan.FromSeconds(20));

        var offsets = new ArrivalSchedule(spike, ArrivalSpacing.Uniform).All().ToList();
        int firstSecond = offsets.Count(t => t < TimeSpan.FromSeconds(1));
        int lastSecond = offsets.Count(t => t >= TimeSpan.FromSeconds(19));

        Assert.Equal((int)Math.Ceiling(spike.ExpectedArrivals), offsets.Count);
        Assert.InRange(firstSecond, (int)spike.CumulativeAt(1), (int)spike.CumulativeAt(1) + 1);
        Assert.InRange(lastSecond, 99, 102);
        Assert.True(offsets.SequenceEqual(offsets.Order()), "offsets must be in order");
    }

    [Fact]
    public void DefaultRushIsAbout200000AttemptsInAMinutePeakingAbove20000RequestsPerSecond()
    {
        var rush = OrleansBooking.LoadTests.Scenarios.RushScenario.Default;

        Assert.Equal(TimeSpan.FromSeconds(60), rush.Load.Arrivals.Duration);
        Assert.InRange(rush.Load.Arrivals.ExpectedArrivals, 73_000, 74_500);
        Assert.InRange(rush.AttemptsWhenSoldOut, 195_000, 205_000);
        Assert.True(rush.PeakRequestRateWhenSoldOut > 20_000, $"peak {rush.PeakRequestRateWhenSoldOut:0}/s");
    }

    [Fact]
    public void PoissonArrivalsKeepTheMeanRateAndVaryTheGaps()
    {
        var schedule = new ArrivalSchedule(new ConstantArrivals(1_000, TimeSpan.FromSeconds(20)), ArrivalSpacing.Poisson, seed: 5);

        var offsets = schedule.All().ToList();
        var gaps = offsets.Zip(offsets.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        double mean = gaps.Average();
        double sd = Math.Sqrt(gaps.Average(g => (g - mean) * (g - mean)));

        // 20,000 expected; a Poisson count has standard deviation √20,000 ≈ 141.
        Assert.InRange(offsets.Count, 19_500, 20_500);
        // Exponential gaps: standard deviation equals the mean (1 ms).
        Assert.InRange(sd / mean, 0.95, 1.05);
    }

    [Fact]
    public void PoissonScheduleIsRepeatableForASeed()
    {
        var profile = new ConstantArrivals(100, TimeSpan.FromSeconds(2));
        var first = new ArrivalSchedule(profile, ArrivalSpacing.Poisson, seed: 9).All().ToList();
        var second = new ArrivalSchedule(profile, ArrivalSpacing.Poisson, seed: 9).All().ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void PacerReleasesOnlyArrivalsThatAreDueOnTheClock()
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var pacer = new ArrivalPacer(new ArrivalSchedule(new ConstantArrivals(100, TimeSpan.FromSeconds(1)), ArrivalSpacing.Uniform),
            clock, clock.GetTimestamp(), lateAfter: TimeSpan.FromMilliseconds(10));
        var due = new List<DueArrival>();

        Assert.Equal(1, pacer.TakeDue(due)); // arrival 0 is due at the start itself
        Assert.Equal(TimeSpan.FromMilliseconds(10), pacer.UntilNext());

        clock.Advance(TimeSpan.FromMilliseconds(15));
        Assert.Equal(1, pacer.TakeDue(due)); // 10 ms, not yet 20 ms
        Assert.Equal(TimeSpan.FromMilliseconds(5), pacer.UntilNext());

        clock.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(1, pacer.TakeDue(due)); // 20 ms, exactly on time

        Assert.Equal([0L, 1L, 2L], due.Select(d => d.Index));
        Assert.All(due, d => Assert.False(d.Late, $"arrival {d.Index} lagged {d.Lag.TotalMilliseconds} ms"));
    }

    [Fact]
    public void PacerMarksArrivalsLateWhenTheGeneratorFallsBehindAndKeepsTheirIntendedStart()
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        long start = clock.GetTimestamp();
        var pacer = new ArrivalPacer(new ArrivalSchedule(new ConstantArrivals(100, TimeSpan.FromSeconds(1)), ArrivalSpacing.Uniform),
            clock, start, lateAfter: TimeSpan.FromMilliseconds(10));
        var due = new List<DueArrival>();

        clock.Advance(TimeSpan.FromMilliseconds(105)); // the generator stalled for 105 ms
        pacer.TakeDue(due);

        Assert.Equal(11, due.Count);
        Assert.Equal(10, due.Count(d => d.Late)); // 0..90 ms are more than 10 ms behind; 100 ms is 5 ms behind
        Assert.Equal(TimeSpan.FromMilliseconds(105), due[0].Lag);
        // Intended starts stay on the schedule: latency will be measured from there, not from the late send.
        Assert.Equal(start + TimeSpan.FromMilliseconds(50).Ticks, due[5].IntendedTimestamp);
    }

    [Fact]
    public void PacerFinishesWhenTheProfileEnds()
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var pacer = new ArrivalPacer(new ArrivalSchedule(new ConstantArrivals(4, TimeSpan.FromSeconds(1)), ArrivalSpacing.Uniform),
            clock, clock.GetTimestamp(), TimeSpan.FromMilliseconds(10));
        var due = new List<DueArrival>();

        clock.Advance(TimeSpan.FromSeconds(5));
        pacer.TakeDue(due);

        Assert.Equal(4, due.Count);
        Assert.True(pacer.Finished);
        Assert.Null(pacer.UntilNext());
    }

    [Fact]
    public void LatencyIsMeasuredFromTheIntendedStartNotTheSend()
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var measurements = new RunMeasurements(clock, clock.GetTimestamp());
        long intended = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromMilliseconds(300)); // queued in the generator, then 50 ms in the service
        clock.Advance(TimeSpan.FromMilliseconds(50));
        measurements.Record(RequestKind.Reserve, new RequestOutcome(201, ""), intended);
        clock.Advance(TimeSpan.FromSeconds(1));
        measurements.Record(RequestKind.Reserve, new RequestOutcome(409, "sold_out"), clock.GetTimestamp());

        Assert.Equal(350_000, measurements.Latency(RequestKind.Reserve).Max);
        var seconds = measurements.Seconds.Summarize();
        Assert.Equal([1L, 1L], seconds.Select(s => s.Completed));
        Assert.Equal(1, measurements.Outcomes.Count(RequestKind.Reserve, new RequestOutcome(409, "sold_out")));
        Assert.Equal(0, measurements.ErrorRequests);
    }
}
