using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.Tests.LoadTests;

public class SecondSeriesTests
{
    private static readonly RequestOutcome Created = new(201, RequestOutcome.NoCode);

    [Fact]
    public void LatestIsTheLastSecondThatSawAResponse()
    {
        var series = new SecondSeries();
        Assert.Null(series.Latest());

        series.Record(0, 0, RequestKind.Reserve, Created, 1_000);
        series.Record(2, 2, RequestKind.Browse, Created, 7_000);
        series.Record(2, 2, RequestKind.Reserve, new RequestOutcome(503, RequestOutcome.NoCode), 9_000);

        var rows = series.Summarize();
        Assert.Equal([0, 1, 2], rows.Select(r => r.Second));
        Assert.Equal(rows[^1], series.Latest());
        var latest = series.Latest()!;
        Assert.Equal((2, 2L, 1L, 1L, 1L), (latest.Second, latest.Completed, latest.Reservations, latest.Succeeded, latest.Errors));
        Assert.InRange(latest.P50Micros, 7_000, 7_000 + 7_000 / 100); // two significant digits
        Assert.Equal(9_000, latest.P99Micros); // a bucket's top, capped at the maximum seen
        Assert.Equal(9_000, latest.MaxMicros);
    }

    [Fact]
    public void EachSecondsPercentilesStayWithinTwoSignificantDigits()
    {
        var series = new SecondSeries();
        var latencies = Enumerable.Range(1, 1_000).Select(i => (long)i * 997).ToArray();
        foreach (var micros in latencies) series.Record(0, 0, RequestKind.Reserve, Created, micros);

        var second = series.Latest()!;
        // Nearest rank, rounded to the nearest integer (HdrHistogram.NET's rule): 500th and 990th of 1,000.
        long exactP50 = latencies[499], exactP99 = latencies[989];
        Assert.InRange(second.P50Micros, exactP50, exactP50 + exactP50 / 100);
        Assert.InRange(second.P99Micros, exactP99, exactP99 + exactP99 / 100);
        Assert.Equal(latencies[^1], second.MaxMicros);
    }

    [Fact]
    public void OutcomesPerSecondAreSplitIntoSuccessDeclinedShedAndOtherErrors()
    {
        var series = new SecondSeries();
        series.Record(0, 0, RequestKind.Reserve, Created, 1_000);
        series.Record(0, 0, RequestKind.Reserve, new RequestOutcome(409, "sold_out"), 1_000);
        series.Record(0, 0, RequestKind.Reserve, new RequestOutcome(409, "already_booked"), 1_000);
        series.Record(0, 0, RequestKind.Reserve, new RequestOutcome(503, "overloaded"), 1_000);
        series.Record(0, 0, RequestKind.Reserve, new RequestOutcome(0, RequestOutcome.Timeout), 1_000);
        series.Record(0, 0, RequestKind.Reserve, new RequestOutcome(500, RequestOutcome.NoCode), 1_000);

        var s = series.Summarize().Single();
        Assert.Equal((6L, 1L, 2L, 1L, 2L, 3L), (s.Completed, s.Succeeded, s.Declined, s.Overloaded, s.OtherErrors, s.Errors));
    }

    [Fact]
    public void InFlightCountsRequestsMeantToStartByTheEndOfASecondAndAnsweredLater()
    {
        var series = new SecondSeries();
        series.Record(2, 0, RequestKind.Reserve, Created, 2_500_000); // meant for second 0, answered in second 2
        series.Record(1, 0, RequestKind.Reserve, Created, 1_200_000); // meant for second 0, answered in second 1
        series.Record(0, 0, RequestKind.Reserve, Created, 1_000);     // answered in its own second
        series.Record(3, 1, RequestKind.Browse, Created, 2_000_000);  // meant for second 1, answered in second 3

        var rows = series.Summarize();
        Assert.Equal([3L, 1L, 0L, 0L], rows.Select(r => r.Started));
        // End of 0: both late second-0 requests; end of 1: one of them and the second-1 request; end of 2: that one.
        Assert.Equal([2L, 2L, 1L, 0L], rows.Select(r => r.InFlight));
    }

    [Fact]
    public void ARequestMeantToStartBeforeTheSeriesCountsFromSecondZero()
    {
        var series = new SecondSeries();
        series.Record(1, -3, RequestKind.Reserve, Created, 4_000_000);

        var rows = series.Summarize();
        Assert.Equal([1L, 0L], rows.Select(r => r.Started));
        Assert.Equal([1L, 0L], rows.Select(r => r.InFlight));
    }
}
