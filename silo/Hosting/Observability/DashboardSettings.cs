namespace OrleansBooking.Silo.Hosting.Observability;

/// <summary>Whether this silo runs the Orleans Dashboard. Bound from configuration section <see cref="SectionName"/>.</summary>
/// <remarks>
/// On by default: it is how an admin watches grains and silos live. A silo holding a provincial
/// platform's grains may leave it off: the dashboard keeps its own OpenTelemetry meter provider,
/// collecting every Orleans instrument once a second (fixed in Orleans 10.4.2) into ≈ 17 MB of
/// reserved metric points, wraps every grain call in a profiling filter, and a silo that runs it
/// starts ≈ 50–80 MB larger and answered a provincial crowd 6–11 % fewer requests a second
/// (docs/benchmarks.md §0l). /metrics is unaffected either way.
/// </remarks>
public sealed class DashboardSettings
{
    public const string SectionName = "Observability:Dashboard";

    /// <summary>Runs the dashboard's grains and collectors and maps <c>/dashboard</c> (admins only). Default true.</summary>
    public bool Enabled { get; set; } = true;
}
