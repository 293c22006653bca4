namespace OrleansBooking.Api.Problems;

/// <summary>
/// Answers a retryable fault with 503 in the endpoint itself, not in the exception handler: during
/// a rush an overload is an expected answer, so it must stay cheap and must not be logged as an error.
/// </summary>
public sealed class GrainFaultFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (GrainFaults.Describe(exception) is { } fault)
        {
            return GrainFaults.ToResult(fault);
        }
    }
}
