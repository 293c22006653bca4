using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Catalogue;
using OrleansBooking.Api.Contracts.Catalogue;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Grains.Catalogue;

namespace OrleansBooking.Api.Apis;

/// <summary>Running the pool generator on demand.</summary>
public static class PoolGenerationAdminApi
{
    public static IEndpointRouteBuilder MapPoolGenerationAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/admin/pool-generation").WithTags(CatalogueApiRegistration.AdminTag).RequireAuthorization(AccessPolicies.Admin).AuditRefusals()
            .MapPost("", GeneratePools)
            .WithName(nameof(GeneratePools))
            .WithSummary("Generate the booking window's pools now")
            .WithDescription("What the daily run does: creates missing pools from the schedules, raises quotas that grew, changes nothing "
                + "else. Safe to repeat.")
            .AddEndpointFilter<GrainFaultFilter>()
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Ok<GenerationResponse>> GeneratePools(PoolGenerator generator, CatalogueChanges changes, CancellationToken cancellationToken)
    {
        var report = await generator.RunAsync(cancellationToken);
        changes.Published();
        return TypedResults.Ok(GenerationResponse.Of(report));
    }
}
