using Orleans.Dashboard;
using OpenTelemetry.Metrics;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Silo.Notifications;
using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Silo.Hosting.Observability;

/// <summary>
/// Watching a silo: <c>/metrics</c> in Prometheus' text format through OpenTelemetry (Orleans'
/// meters, ours, and ASP.NET Core's request durations), and, unless <see cref="DashboardSettings"/>
/// turns it off, the Orleans Dashboard at <c>/dashboard</c> for admins only. Nothing here of our
/// own but the wiring.
/// </summary>
public static class ObservabilityServices
{
    public const string MetricsPath = "/metrics";
    public const string DashboardPath = "/dashboard";

    public static void AddBookingObservability(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.Orleans")
            .AddMeter(GroupCommitMetrics.MeterName)
            // Delivery: sent, failed and given-up messages, and the failures in a row /health/ready reads.
            .AddMeter(NotificationMetrics.MeterName)
            // http.server.request.duration: ASP.NET Core's own meter, no instrumentation package needed.
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            // The runtime's own meter (working set, GC heap after the last collection, …): how much
            // memory the grains hold, readable over HTTP by an operator and by the load suite.
            .AddMeter("System.Runtime")
            // Each stream's metric points are reserved up front: only the open tag sets keep the SDK's 2,000.
            .AddView(MetricStreamLimits.For)
            .AddPrometheusExporter());
    }

    /// <summary>Orleans' dashboard grains and collectors, on the silo being built, when the settings want them.</summary>
    public static ISiloBuilder AddBookingDashboard(this ISiloBuilder silo, DashboardSettings settings)
    {
        silo.Services.AddSingleton(settings);
        if (settings.Enabled) silo.AddDashboard();
        return silo;
    }

    public static IEndpointRouteBuilder MapBookingObservability(this IEndpointRouteBuilder app)
    {
        // A scraper carries no token; like the health probes, /metrics is for the network the
        // silos run in (deploy/nginx.conf does not pass it on to the public).
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        if (app.ServiceProvider.GetRequiredService<DashboardSettings>().Enabled)
            app.MapOrleansDashboard(DashboardPath).RequireAuthorization(AccessPolicies.Admin);
        return app;
    }
}
