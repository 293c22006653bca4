using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Caching;
using OrleansBooking.Api.Catalogue;
using OrleansBooking.Api.Contracts.Catalogue;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Catalogue;

namespace OrleansBooking.Api.Apis;

/// <summary>Departments as patients browse them.</summary>
public static class DepartmentsApi
{
    public static IEndpointRouteBuilder MapDepartmentsApi(this IEndpointRouteBuilder app)
    {
        var browse = app.MapGroup("/api/departments").WithTags(CatalogueApiRegistration.PublicTag).AddEndpointFilter<GrainFaultFilter>().AllowAnonymous();

        browse.MapGet("/", ListDepartments)
            .WithName(nameof(ListDepartments))
            .WithSummary("List the departments")
            .WithDescription("Active departments by name. Sends an ETag; a matching If-None-Match gets 304.")
            .Produces(StatusCodes.Status304NotModified);

        browse.MapGet("/{departmentId}", GetDepartment)
            .WithName(nameof(GetDepartment))
            .WithSummary("Get a department")
            .WithDescription("Inactive departments too (active: false), with the release rule its pools follow.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DepartmentNotFound);

        browse.MapGet("/{departmentId}/doctors", ListDepartmentDoctors)
            .WithName(nameof(ListDepartmentDoctors))
            .WithSummary("List a department's doctors with their next sessions")
            .WithDescription($"Active doctors by name, each with up to {CatalogueBrowser.NextSessionsShown} upcoming sessions (quota, remaining, "
                + "status, release instant). Served from a short-lived cache; sends an ETag, a matching If-None-Match gets 304.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DepartmentNotFound)
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Results<Ok<DepartmentResponse[]>, StatusCodeHttpResult>> ListDepartments(
        HttpRequest request, HttpResponse response, CatalogueDirectory directory, CatalogueRules rules, CancellationToken cancellationToken)
    {
        var catalogue = await directory.GetAsync(cancellationToken);
        var body = catalogue.Departments.Where(d => d.Active).Select(d => DepartmentResponse.From(d, rules)).ToArray();
        return ETags.NotModified(request, response, ETags.For(body))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(body);
    }

    public static async Task<Results<Ok<DepartmentResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetDepartment(
        string departmentId, HttpRequest request, HttpResponse response, CatalogueDirectory directory, CatalogueRules rules,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "departmentId", departmentId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var catalogue = await directory.GetAsync(cancellationToken);
        if (!catalogue.DepartmentsById.TryGetValue(departmentId, out var department)) return CatalogueProblems.NoDepartment(departmentId);
        var body = DepartmentResponse.From(department, rules);
        return ETags.NotModified(request, response, ETags.For(body))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(body);
    }

    public static async Task<Results<Ok<DepartmentDoctorsResponse>, StatusCodeHttpResult, ProblemHttpResult>> ListDepartmentDoctors(
        string departmentId, HttpRequest request, HttpResponse response, CatalogueBrowser browser, CatalogueBrowseCache cache,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "departmentId", departmentId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var cached = await cache.GetOrBuildAsync("department-doctors:" + departmentId,
            () => browser.DepartmentDoctorsAsync(departmentId, cancellationToken));
        if (cached is not { } hit) return CatalogueProblems.NoDepartment(departmentId);
        var (page, etag) = hit;
        return ETags.NotModified(request, response, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(page);
    }
}
