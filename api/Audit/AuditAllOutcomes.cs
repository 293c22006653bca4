namespace OrleansBooking.Api.Audit;

/// <summary>
/// Marks a route whose every answer is audited, failures included: sign-in and registration,
/// where a run of refusals is exactly what an admin needs to see.
/// </summary>
public sealed class AuditAllOutcomesMetadata
{
    public static readonly AuditAllOutcomesMetadata Instance = new();

    private AuditAllOutcomesMetadata() { }
}

public static class AuditEndpointConventions
{
    /// <summary>Audits every outcome of the route, not only successful writes (see <see cref="AuditMiddleware"/>).</summary>
    public static TBuilder AuditAllOutcomes<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AuditAllOutcomesMetadata.Instance);
}
