using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace OrleansBooking.Silo.Hosting;

/// <summary><c>/health/live</c>: the process answers (no dependency). <c>/health/ready</c>: it can take reservations: the database answers and the silo is an active member of its cluster (JSON, per check).</summary>
public static class BookingHealthChecks
{
    public const string ReadyTag = "ready";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    // One shared result: liveness is probed often and must cost nothing.
    private static readonly IResult Live = TypedResults.Text("Healthy", "text/plain");

    public static IEndpointRouteBuilder MapBookingHealthChecks(this IEndpointRouteBuilder app)
    {
        // Probes (load balancers, orchestrators) carry no token.
        app.MapGet(LivePath, static () => Live).ExcludeFromDescription().AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportJson.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}
