using Microsoft.OpenApi;

namespace OrleansBooking.Api.OpenApi;

/// <summary>The OpenAPI 3.1 document at <c>/openapi/v1.json</c> and the browsable UI at <c>/docs</c>.</summary>
public static class BookingOpenApi
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string UiPath = "docs";

    public static IServiceCollection AddBookingOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "OrleansBooking",
                    Version = DocumentName,
                    Description = "Hospital outpatient booking for the release rush. Errors are application/problem+json with a stable `code`.",
                };
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer(AccessOperationTransformer.AddSchemeAsync);
            options.AddOperationTransformer<ProblemCodesOperationTransformer>();
            options.AddOperationTransformer<AccessOperationTransformer>();
            options.AddSchemaTransformer<ProblemDetailsSchemaTransformer>();
        });

    public static WebApplication MapBookingApiDocs(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = UiPath;
            options.SwaggerEndpoint(DocumentPath, "OrleansBooking v1");
            options.DocumentTitle = "OrleansBooking API";
        });
        return app;
    }
}
