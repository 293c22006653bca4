using OrleansBooking.Api.Problems;

namespace OrleansBooking.Api.OpenApi;

public static class ProblemCodesEndpointExtensions
{
    /// <summary>Declares a problem response and the codes it carries.</summary>
    public static RouteHandlerBuilder ProducesProblemCodes(this RouteHandlerBuilder builder, int status, params string[] codes) =>
        builder.ProducesProblem(status).WithMetadata(new ProblemCodesMetadata(status, codes));

    /// <summary>Declares the 503 every grain call may answer (with Retry-After).</summary>
    public static RouteHandlerBuilder ProducesRetryLater(this RouteHandlerBuilder builder) =>
        builder.ProducesProblemCodes(StatusCodes.Status503ServiceUnavailable,
            ProblemCodes.Overloaded, ProblemCodes.Timeout, ProblemCodes.StorageUnavailable, ProblemCodes.WriteConflict);
}
