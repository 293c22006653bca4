using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Contracts.Accounts;
using OrleansBooking.Api.Problems;

namespace OrleansBooking.Api.OpenApi;

/// <summary>
/// Says in the document who may call each operation: the bearer token it needs, the policy, and
/// the 401/403 a caller without them gets; and the 429 every limited route may answer.
/// </summary>
internal sealed class AccessOperationTransformer : IOpenApiOperationTransformer
{
    public const string SchemeName = "bearer";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("429", Problem($"Rate limited: wait Retry-After seconds. Problem code: {ProblemCodes.TooManyRequests}."));
        if (metadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;
        if (metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null) is not { } policy) return Task.CompletedTask;

        operation.Description = $"{operation.Description} Access: {policy}.".Trim();
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        operation.Responses.TryAdd("401", Problem($"No valid bearer token. Problem code: {AccountProblems.Unauthenticated}."));
        if (policy != AccessPolicies.SignedIn)
            operation.Responses.TryAdd("403", Problem($"The account's role (or ownership) does not allow this. Problem code: {AccountProblems.Forbidden}"
                + (policy == AccessPolicies.Clinician ? $"; {AccountProblems.DoctorDeactivated} for a doctor the hospital deactivated." : ".")));
        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
    };

    /// <summary>The bearer scheme the operations refer to.</summary>
    public static Task AddSchemeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken of POST /api/auth/sign-in.",
        };
        return Task.CompletedTask;
    }
}
