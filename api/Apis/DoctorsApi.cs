using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Contracts.Catalogue;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Catalogue;

namespace OrleansBooking.Api.Apis;

/// <summary>Doctors: patients search them and read their calendars; admins create, change and deactivate them.</summary>
public static class DoctorsApi
{
    public static IEndpointRouteBuilder MapDoctorsApi(this IEndpointRouteBuilder app)
    {
        var browse = app.MapGroup("/api/doctors").WithTags(CatalogueApi.PublicTag).AddEndpointFilter<GrainFaultFilter>().AllowAnonymous();

        browse.MapGet("/", SearchDoctors)
            .WithName(nameof(SearchDoctors))
            .WithSummary("List or search doctors")
            .WithDescription("Active doctors by name. search: text found in the name or a specialty (any case); departmentId: "
                + "only that department. Sends an ETag; a matching If-None-Match gets 304.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed);

        browse.MapGet("/{doctorId}", GetDoctor)
            .WithName(nameof(GetDoctor))
            .WithSummary("Get a doctor")
            .WithDescription("Inactive doctors too (active: false). fee follows the doctor's title.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound);

        browse.MapGet("/{doctorId}/calendar", GetDoctorCalendar)
            .WithName(nameof(GetDoctorCalendar))
            .WithSummary("Get a doctor's calendar")
            .WithDescription("Every session of the booking window (today and the days after it), by date and session: quota, "
                + "remaining, status, release instant. Served from a short-lived cache; sends an ETag, a matching If-None-Match gets 304.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound)
            .ProducesRetryLater();

        var admin = app.MapGroup("/api/admin/doctors").WithTags(CatalogueApi.AdminTag).RequireAuthorization(AccessPolicies.Admin);

        admin.MapPost("/", CreateDoctor)
            .WithName(nameof(CreateDoctor))
            .WithSummary("Create a doctor")
            .WithDescription("doctorId is generated when absent. Give the doctor a weekly schedule to have pools generated.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DepartmentNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, CatalogueProblems.DoctorExists);

        admin.MapPatch("/{doctorId}", ChangeDoctor)
            .WithName(nameof(ChangeDoctor))
            .WithSummary("Change a doctor")
            .WithDescription("Absent fields stay as they are; active: true reactivates a deactivated doctor.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound, CatalogueProblems.DepartmentNotFound);

        admin.MapDelete("/{doctorId}", DeactivateDoctor)
            .WithName(nameof(DeactivateDoctor))
            .WithSummary("Deactivate a doctor")
            .WithDescription("Hides the doctor from patients and stops new pools. Existing pools and their reservations stay; "
                + "cancel a session with PATCH /api/admin/pools/{poolId} (status cancelled).")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound);

        return app;
    }

    public static async Task<Results<Ok<DoctorResponse[]>, StatusCodeHttpResult, ProblemHttpResult>> SearchDoctors(
        string? search, string? departmentId, HttpRequest request, HttpResponse response, CatalogueDirectory directory, CatalogueRules rules,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var text = CatalogueRequestValidation.ToSearch(errors, search);
        if (departmentId is not null) FieldRules.CheckId(errors, "departmentId", departmentId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var catalogue = await directory.GetAsync(cancellationToken);
        var body = catalogue.Doctors
            .Where(d => catalogue.IsBookable(d) && (departmentId is null || d.DepartmentId == departmentId) && (text is null || d.Matches(text)))
            .Select(d => DoctorResponse.From(d, rules))
            .ToArray();
        return CatalogueETags.NotModified(request, response, CatalogueETags.For(body))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(body);
    }

    public static async Task<Results<Ok<DoctorResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetDoctor(
        string doctorId, HttpRequest request, HttpResponse response, CatalogueDirectory directory, CatalogueRules rules,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "doctorId", doctorId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var catalogue = await directory.GetAsync(cancellationToken);
        if (!catalogue.DoctorsById.TryGetValue(doctorId, out var doctor)) return CatalogueProblems.NoDoctor(doctorId);
        var body = DoctorResponse.From(doctor, rules);
        return CatalogueETags.NotModified(request, response, CatalogueETags.For(body))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(body);
    }

    public static async Task<Results<Ok<CalendarResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetDoctorCalendar(
        string doctorId, HttpRequest request, HttpResponse response, CatalogueBrowser browser, CatalogueBrowseCache cache,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "doctorId", doctorId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var cached = await cache.GetOrBuildAsync("calendar:" + doctorId, () => browser.CalendarAsync(doctorId, cancellationToken));
        if (cached is not { } hit) return CatalogueProblems.NoDoctor(doctorId);
        var (calendar, etag) = hit;
        return CatalogueETags.NotModified(request, response, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(calendar);
    }

    public static async Task<Results<Created<DoctorResponse>, ProblemHttpResult>> CreateDoctor(
        CreateDoctorRequest request, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (CatalogueRequestValidation.ToDoctor(request, CatalogueApi.NewId, errors) is not { } doctor)
            return BookingProblems.ValidationFailed(errors);
        var catalogue = await store.LoadAsync(cancellationToken);
        if (!catalogue.DepartmentsById.ContainsKey(doctor.DepartmentId)) return CatalogueProblems.NoDepartment(doctor.DepartmentId);
        if (!await store.AddDoctorAsync(doctor, cancellationToken)) return CatalogueProblems.DoctorTaken(doctor.DoctorId);
        changes.Published();
        return TypedResults.Created($"/api/doctors/{doctor.DoctorId}", DoctorResponse.From(doctor, rules));
    }

    public static Task<Results<Ok<DoctorResponse>, ProblemHttpResult>> ChangeDoctor(
        string doctorId, UpdateDoctorRequest request, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes,
        CancellationToken cancellationToken) =>
        UpdateAsync(doctorId, store, rules, changes, (current, errors) => CatalogueRequestValidation.Apply(current, request, errors), cancellationToken);

    public static Task<Results<Ok<DoctorResponse>, ProblemHttpResult>> DeactivateDoctor(
        string doctorId, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes, CancellationToken cancellationToken) =>
        UpdateAsync(doctorId, store, rules, changes, (current, _) => current with { Active = false }, cancellationToken);

    private static async Task<Results<Ok<DoctorResponse>, ProblemHttpResult>> UpdateAsync(
        string doctorId, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes,
        Func<Doctor, RequestErrors, Doctor?> change, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "doctorId", doctorId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var catalogue = await store.LoadAsync(cancellationToken);
        if (!catalogue.DoctorsById.TryGetValue(doctorId, out var current)) return CatalogueProblems.NoDoctor(doctorId);
        if (change(current, errors) is not { } changed) return BookingProblems.ValidationFailed(errors);
        if (!catalogue.DepartmentsById.ContainsKey(changed.DepartmentId)) return CatalogueProblems.NoDepartment(changed.DepartmentId);
        if (!await store.UpdateDoctorAsync(changed, cancellationToken)) return CatalogueProblems.NoDoctor(doctorId);
        changes.Published();
        return TypedResults.Ok(DoctorResponse.From(changed, rules));
    }
}
