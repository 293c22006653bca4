using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Catalogue;
using OrleansBooking.Api.Contracts.Catalogue;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Catalogue;

namespace OrleansBooking.Api.Apis;

/// <summary>Departments for admins: create, change and deactivate them and set their release rule.</summary>
public static class DepartmentsAdminApi
{
    public static IEndpointRouteBuilder MapDepartmentsAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/departments").WithTags(CatalogueApiRegistration.AdminTag).AddEndpointFilter<GrainFaultFilter>().RequireAuthorization(AccessPolicies.Admin).AuditRefusals();

        admin.MapGet("/", ListAllDepartments)
            .WithName(nameof(ListAllDepartments))
            .WithSummary("List every department, deactivated ones too")
            .WithDescription("By name, as stored now (the patients' list is cached and shows active ones only).")
            .ProducesRetryLater();

        admin.MapPost("/", CreateDepartment)
            .WithName(nameof(CreateDepartment))
            .WithSummary("Create a department")
            .WithDescription("departmentId is generated when absent. The department follows the hospital's release rule until given its own.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, CatalogueProblems.DepartmentExists);

        admin.MapPatch("/{departmentId}", ChangeDepartment)
            .WithName(nameof(ChangeDepartment))
            .WithSummary("Change a department")
            .WithDescription("Absent fields stay as they are; active: true reactivates a deactivated department.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DepartmentNotFound);

        admin.MapDelete("/{departmentId}", DeactivateDepartment)
            .WithName(nameof(DeactivateDepartment))
            .WithSummary("Deactivate a department")
            .WithDescription("Hides it from patients and stops new pools. Existing pools and their reservations stay.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DepartmentNotFound);

        admin.MapPut("/{departmentId}/release-rule", SetReleaseRule)
            .WithName(nameof(SetReleaseRule))
            .WithSummary("Give a department its own release rule")
            .WithDescription("Pools generated from now on open daysBefore days before the visit at time (local). Existing pools keep "
                + "their release instant; change one with PATCH /api/admin/pools/{poolId}.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DepartmentNotFound);

        admin.MapDelete("/{departmentId}/release-rule", ClearReleaseRule)
            .WithName(nameof(ClearReleaseRule))
            .WithSummary("Return a department to the hospital's release rule")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DepartmentNotFound);

        admin.MapPut("/{departmentId}/age-range", SetAgeRange)
            .WithName(nameof(SetAgeRange))
            .WithSummary("Let a department see patients of some ages only")
            .WithDescription("E.g. a children's clinic: {\"maxAgeYears\": 13}. Completed years on the visit day, from the birth date in the "
                + "patient's resident ID, both ends included. Booking refuses others with 409 outside_department_ages; bookings made before stand.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DepartmentNotFound);

        admin.MapDelete("/{departmentId}/age-range", ClearAgeRange)
            .WithName(nameof(ClearAgeRange))
            .WithSummary("Let a department see patients of every age")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DepartmentNotFound);

        return app;
    }

    public static async Task<Ok<DepartmentResponse[]>> ListAllDepartments(ICatalogueStore store, CatalogueRules rules, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.LoadAsync(cancellationToken)).Departments.Select(d => DepartmentResponse.From(d, rules)).ToArray());

    public static async Task<Results<Created<DepartmentResponse>, ProblemHttpResult>> CreateDepartment(
        CreateDepartmentRequest request, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (CatalogueRequestValidation.ToDepartment(request, CatalogueApiRegistration.NewId, errors) is not { } department)
            return BookingProblems.ValidationFailed(errors);
        if (!await store.AddDepartmentAsync(department, cancellationToken)) return CatalogueProblems.DepartmentTaken(department.DepartmentId);
        changes.Published();
        return TypedResults.Created($"/api/departments/{department.DepartmentId}", DepartmentResponse.From(department, rules));
    }

    public static Task<Results<Ok<DepartmentResponse>, ProblemHttpResult>> ChangeDepartment(
        string departmentId, UpdateDepartmentRequest request, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes,
        CancellationToken cancellationToken) =>
        UpdateAsync(departmentId, store, rules, changes, (current, errors) => CatalogueRequestValidation.Apply(current, request, errors), cancellationToken);

    public static Task<Results<Ok<DepartmentResponse>, ProblemHttpResult>> DeactivateDepartment(
        string departmentId, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes, CancellationToken cancellationToken) =>
        UpdateAsync(departmentId, store, rules, changes, (current, _) => current with { Active = false }, cancellationToken);

    public static Task<Results<Ok<DepartmentResponse>, ProblemHttpResult>> SetReleaseRule(
        string departmentId, ReleaseRuleRequest request, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes,
        CancellationToken cancellationToken) =>
        UpdateAsync(departmentId, store, rules, changes, (current, errors) =>
            CatalogueRequestValidation.ToReleaseRule(request, errors) is { } rule ? current with { ReleaseRule = rule } : null, cancellationToken);

    public static Task<Results<Ok<DepartmentResponse>, ProblemHttpResult>> ClearReleaseRule(
        string departmentId, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes, CancellationToken cancellationToken) =>
        UpdateAsync(departmentId, store, rules, changes, (current, _) => current with { ReleaseRule = null }, cancellationToken);

    public static Task<Results<Ok<DepartmentResponse>, ProblemHttpResult>> SetAgeRange(
        string departmentId, AgeRangeRequest request, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes,
        CancellationToken cancellationToken) =>
        UpdateAsync(departmentId, store, rules, changes, (current, errors) =>
            CatalogueRequestValidation.ToAgeRange(request, errors) is { } ages ? current with { Ages = ages } : null, cancellationToken);

    public static Task<Results<Ok<DepartmentResponse>, ProblemHttpResult>> ClearAgeRange(
        string departmentId, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes, CancellationToken cancellationToken) =>
        UpdateAsync(departmentId, store, rules, changes, (current, _) => current with { Ages = null }, cancellationToken);

    /// <summary>Validates the id and the change against the stored department, then writes it; a refused change writes nothing.</summary>
    private static async Task<Results<Ok<DepartmentResponse>, ProblemHttpResult>> UpdateAsync(
        string departmentId, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes,
        Func<Department, RequestErrors, Department?> change, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "departmentId", departmentId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var catalogue = await store.LoadAsync(cancellationToken);
        if (!catalogue.DepartmentsById.TryGetValue(departmentId, out var current)) return CatalogueProblems.NoDepartment(departmentId);
        if (change(current, errors) is not { } changed) return BookingProblems.ValidationFailed(errors);
        if (!await store.UpdateDepartmentAsync(changed, cancellationToken)) return CatalogueProblems.NoDepartment(departmentId);
        changes.Published();
        return TypedResults.Ok(DepartmentResponse.From(changed, rules));
    }
}
