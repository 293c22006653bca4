namespace OrleansBooking.Api.RateLimiting;

/// <summary>
/// What no rate limit applies to: health probes (a load balancer polls them from one address, and
/// a refused probe would take a healthy silo out of rotation) and the API's documentation.
/// </summary>
public static class UnlimitedPaths
{
    private static readonly PathString Health = "/health";
    private static readonly PathString OpenApi = "/openapi";
    private static readonly PathString Docs = "/docs";

    public static bool Includes(PathString path) =>
        path.StartsWithSegments(Health) || path.StartsWithSegments(OpenApi) || path.StartsWithSegments(Docs);
}
