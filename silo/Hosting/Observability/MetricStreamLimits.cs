using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace OrleansBooking.Silo.Hosting.Observability;

/// <summary>
/// How many tag combinations each metric stream may hold. OpenTelemetry reserves a stream's metric
/// points when its instrument is published, 2,000 by default, ≈ 186 KB a stream however few series
/// it will show: ≈ 23 MB for the silo's ≈ 126 streams (docs/benchmarks.md, "Scale and memory").
/// Almost every instrument is tagged from a small closed set (a grain type, a direction, an outcome, a
/// GC generation) and gets <see cref="ClosedSetLimit"/>. Those tagged from an open set keep the SDK's
/// default: ASP.NET Core's (route × method × status code, a connection's end reason), Orleans' pings
/// and message sizes (by peer silo, a new one at each of its restarts) and the runtime's exceptions (by type).
/// </summary>
/// <remarks>
/// A stream past its limit folds new combinations into one <c>otel_metric_overflow="true"</c> series:
/// totals stay right, the breakdown is lost. Hence a limit far above what a closed set gives: the
/// largest, Orleans' activations by grain type, showed 28 series after a rush. The Orleans Dashboard
/// builds a meter provider of its own (92 more streams at the default), which this view does not reach.
/// </remarks>
public static class MetricStreamLimits
{
    public const int ClosedSetLimit = 200;

    private static readonly HashSet<string> OrleansOpenSets = new(StringComparer.Ordinal)
    {
        "orleans-messaging-pings-sent",
        "orleans-messaging-pings-received",
        "orleans-messaging-pings-reply-received",
        "orleans-messaging-pings-reply-missed",
        "orleans-messaging-sent-messages-size",
        "orleans-messaging-received-messages-size",
    };

    /// <summary>The view: null (the SDK's default) for an open tag set, else a stream bounded to <see cref="ClosedSetLimit"/>.</summary>
    public static MetricStreamConfiguration? For(Instrument instrument) =>
        HasOpenTagSet(instrument) ? null : new MetricStreamConfiguration { CardinalityLimit = ClosedSetLimit };

    public static bool HasOpenTagSet(Instrument instrument) => instrument.Meter.Name switch
    {
        "Microsoft.AspNetCore.Hosting" or "Microsoft.AspNetCore.Server.Kestrel" => true,
        "Microsoft.Orleans" => OrleansOpenSets.Contains(instrument.Name),
        "System.Runtime" => instrument.Name == "dotnet.exceptions",
        _ => false,
    };
}
