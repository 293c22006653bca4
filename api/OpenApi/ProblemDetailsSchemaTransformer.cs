using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansBooking.Api.Problems;

namespace OrleansBooking.Api.OpenApi;

/// <summary>Documents the <c>code</c> extension every problem of this API carries.</summary>
internal sealed class ProblemDetailsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type)) return Task.CompletedTask;
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties[BookingProblems.CodeKey] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Stable machine-readable reason, e.g. sold_out, not_released, validation_failed. "
                + "Some codes add fields: releaseAt (not_released), reservationId (already_booked), "
                + "minimumQuota (quota_below_booked), deadline (cancellation_closed), errors (validation_failed), retryAfter (503).",
        };
        return Task.CompletedTask;
    }
}
