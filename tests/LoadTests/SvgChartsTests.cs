using System.Text.RegularExpressions;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Reports;

namespace OrleansBooking.Tests.LoadTests;

public class SvgChartsTests
{
    /// <summary>The points of each drawn segment of a line chart, as written in its SVG paths.</summary>
    private static List<List<string>> Segments(string svg) =>
        Regex.Matches(svg, "<path [^>]*d='([^']*)'").Select(m => Regex.Matches(m.Groups[1].Value, @"[ML]\s*([-\d.]+,[-\d.]+)")
            .Select(p => p.Groups[1].Value).ToList()).ToList();

    private static SecondSummary Second(int second, long completed, long p50Micros = 2_000, long p99Micros = 9_000, long maxMicros = 12_000) =>
        new(second, completed, completed, completed, 0, 0, 0, p50Micros, p99Micros, maxMicros, completed, 0);

    [Fact]
    public void TheLatencyChartBreaksItsLinesAtASecondWithoutResponses()
    {
        var seconds = new[] { Second(0, 10), Second(1, 10), Second(2, 0, 0, 0, 0), Second(3, 10), Second(4, 10) };

        var latency = HtmlReport.RushCharts(seconds, new OutcomeTally())[1];

        // max, p99 and p50, each in two pieces: seconds 0-1 and 3-4, nothing drawn at second 2.
        var segments = Segments(latency);
        Assert.Equal(6, segments.Count);
        Assert.All(segments, s => Assert.Equal(2, s.Count));
    }

    [Fact]
    public void ALineWithAMissingPointIsDrawnInTwoPiecesWithNothingAtZeroForTheGap()
    {
        var svg = SvgCharts.Lines("t", "x", "y",
            [new ChartLine("p99", "#c23b3b", [(0, 10), (1, 20), (2, null), (3, 30), (4, 40)])]);

        var segments = Segments(svg);
        Assert.Equal(2, segments.Count);
        Assert.All(segments, s => Assert.Equal(2, s.Count));
        // The gap is neither a point on the axis (y = 0, the plot's bottom edge at 260) nor a point at its x.
        var drawn = segments.SelectMany(s => s).Select(p => p.Split(',')).ToList();
        Assert.DoesNotContain(drawn, p => p[1] == "260");
        string gapX = SvgX(svg, 2);
        Assert.NotEqual("", gapX);
        Assert.DoesNotContain(drawn, p => p[0] == gapX);
    }

    [Fact]
    public void APointBetweenTwoGapsIsShownAsADot()
    {
        var svg = SvgCharts.Lines("t", "x", "y", [new ChartLine("p99", "#c23b3b", [(0, 10), (1, null), (2, 20), (3, null), (4, 30)])]);

        Assert.Empty(Segments(svg));
        Assert.Equal(3, Regex.Matches(svg, "<circle ").Count);
    }

    /// <summary>Where the chart put the tick of <paramref name="second"/> on the x axis.</summary>
    private static string SvgX(string svg, int second) =>
        Regex.Match(svg, $"<text x='([-\\d.]+)' y='[-\\d.]+' text-anchor='middle'>{second}</text>").Groups[1].Value;
}
