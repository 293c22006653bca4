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

/// <summary>
/// Marks a route whose refused writes (400 bad input, 409 conflict) are audited as well as its
/// successes: admin and account changes, where a run of refusals is someone probing. Not the
/// booking route, whose sold_out 409s by the hundred thousand change nothing.
/// </summary>
public sealed class AuditRefusalsMetadata
{
    public static readonly AuditRefusalsMetadata Instance = new();

    private AuditRefusalsMetadata() { }
}

public static class AuditEndpointConventions
{
    /// <summary>Audits the route's writes answered 400 or 409 too (see <see cref="AuditMiddleware"/>).</summary>
    public static TBuilder AuditRefusals<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AuditRefusalsMetadata.Instance);

    /// <summary>Audits every outcome of the route, not only successful writes (see <see cref="AuditMiddleware"/>).</summary>
    public static TBuilder AuditAllOutcomes<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AuditAllOutcomesMetadata.Instance);
}
