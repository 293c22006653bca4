using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansBooking.Api.OpenApi;

/// <summary>Writes each problem response's codes (and Retry-After on 503) into the OpenAPI document.</summary>
internal sealed class ProblemCodesOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses is not { } responses) return Task.CompletedTask;
        foreach (var declared in context.Description.ActionDescriptor.EndpointMetadata.OfType<ProblemCodesMetadata>())
        {
            var key = declared.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!responses.TryGetValue(key, out var found) || found is not OpenApiResponse response) continue;
            response.Description = $"{response.Description} Problem code: {string.Join(" | ", declared.Codes)}.".Trim();
            if (declared.Status == StatusCodes.Status503ServiceUnavailable)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before retrying.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }
        }
        return Task.CompletedTask;
    }
}
