using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Silo.Hosting.Observability;

namespace OrleansBooking.Benchmarks;

/// <summary>
/// What OpenTelemetry keeps per metric stream in the silo's configuration
/// (<see cref="ObservabilityServices.AddBookingObservability"/>): the SDK reserves a stream's
/// metric points when the instrument is published, however few tag combinations it will see, so
/// the cost is fixed per instrument. Measured on instruments of the service's own meter with one
/// measurement each, and on one named like ASP.NET Core's request-duration histogram.
/// </summary>
public static class MetricStreamMemory
{
    public const string Usage = """
        Bytes OpenTelemetry keeps per metric stream, as the silo configures it:
        Usage: dotnet run -c Release --project benchmarks -- metric-streams [--streams N] [--rounds N]
          --streams N   counters to publish on the service's meter (default 200)
          --rounds N    rounds; medians are reported (default 5)
        """;

    public static int Run(string[] args, TextWriter output)
    {
        var counts = new Dictionary<string, int> { ["--streams"] = 200, ["--rounds"] = 5 };
        if (!RoundArguments.TryParse(args, counts, Usage)) return 2;
        int streams = counts["--streams"], rounds = counts["--rounds"];

        output.WriteLine($"# OpenTelemetry metric streams: {streams} counters, median of {rounds} rounds");
        output.WriteLine(RoundArguments.Machine);
        Round(10);

        var perCounter = new List<double>();
        var perDuration = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var (counter, duration) = Round(streams);
            perCounter.Add(counter);
            perDuration.Add(duration);
            output.WriteLine(FormattableString.Invariant($"round {round}: counter {counter,8:0} B/stream  request duration {duration,8:0} B"));
        }

        output.WriteLine();
        output.WriteLine("| retained per counter stream | retained by the request-duration histogram's stream |");
        output.WriteLine("|---:|---:|");
        output.WriteLine(FormattableString.Invariant($"| {RoundArguments.Median(perCounter):0} B | {RoundArguments.Median(perDuration):0} B |"));
        return 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (double PerCounter, double Duration) Round(int streams)
    {
        var services = new ServiceCollection();
        services.AddBookingObservability();
        using var provider = services.BuildServiceProvider();
        var meters = provider.GetRequiredService<MeterProvider>();

        using var ours = new Meter(GroupCommitMetrics.MeterName);
        var counters = new Counter<long>[streams];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < streams; i++)
        {
            counters[i] = ours.CreateCounter<long>($"orleansbooking.benchmark.counter_{i}");
            counters[i].Add(1);
        }
        var afterCounters = GC.GetTotalMemory(forceFullCollection: true);

        using var hosting = new Meter("Microsoft.AspNetCore.Hosting");
        var duration = hosting.CreateHistogram<double>("http.server.request.duration", "s");
        duration.Record(0.001, new KeyValuePair<string, object?>("http.route", "/api/pools/{poolId}"));
        var afterDuration = GC.GetTotalMemory(forceFullCollection: true);

        GC.KeepAlive(counters);
        GC.KeepAlive(meters);
        return ((afterCounters - before) / (double)streams, afterDuration - afterCounters);
    }
}
