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

/// <summary>Doctors for admins: create, change and deactivate them, and their weekly templates and exceptions.</summary>
public static class DoctorsAdminApi
{
    public static IEndpointRouteBuilder MapDoctorsAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/doctors").WithTags(CatalogueApiRegistration.AdminTag).AddEndpointFilter<GrainFaultFilter>().RequireAuthorization(AccessPolicies.Admin).AuditRefusals();

        admin.MapGet("/", ListAllDoctors)
            .WithName(nameof(ListAllDoctors))
            .WithSummary("List every doctor, deactivated ones too")
            .WithDescription("By name, as stored now (the patients' list is cached and shows bookable ones only).")
            .ProducesRetryLater();

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

        admin.MapGet("/{doctorId}/schedule", GetSchedule)
            .WithName(nameof(GetSchedule))
            .WithSummary("Get a doctor's schedule")
            .WithDescription("The weekly template and the exceptions from yesterday on.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound);

        admin.MapPut("/{doctorId}/schedule", ReplaceWeeklySchedule)
            .WithName(nameof(ReplaceWeeklySchedule))
            .WithSummary("Replace a doctor's weekly template")
            .WithDescription("Takes effect at the next generation (daily, or POST /api/admin/pool-generation). Existing pools are "
                + "never lowered or removed; a larger quota raises theirs.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound);

        admin.MapPost("/{doctorId}/schedule/exceptions", AddScheduleException)
            .WithName(nameof(AddScheduleException))
            .WithSummary("Add a leave or an extra session")
            .WithDescription("leave: no pool that day (or that session). extra_session: a session outside the template, or one that "
                + "replaces the template's that day. A leave wins over an extra session. Pools already generated stay: cancel one with "
                + "PATCH /api/admin/pools/{poolId}.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound);

        admin.MapDelete("/{doctorId}/schedule/exceptions/{exceptionId}", RemoveScheduleException)
            .WithName(nameof(RemoveScheduleException))
            .WithSummary("Remove a leave or an extra session")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound, CatalogueProblems.ScheduleExceptionNotFound);

        return app;
    }

    public static async Task<Ok<DoctorResponse[]>> ListAllDoctors(ICatalogueStore store, CatalogueRules rules, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.LoadAsync(cancellationToken)).Doctors.Select(d => DoctorResponse.From(d, rules)).ToArray());

    public static async Task<Results<Created<DoctorResponse>, ProblemHttpResult>> CreateDoctor(
        CreateDoctorRequest request, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (CatalogueRequestValidation.ToDoctor(request, CatalogueApiRegistration.NewId, errors) is not { } doctor)
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

    public static async Task<Results<Ok<ScheduleResponse>, ProblemHttpResult>> GetSchedule(
        string doctorId, ICatalogueStore store, CatalogueRules rules, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "doctorId", doctorId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var catalogue = await store.LoadAsync(cancellationToken);
        if (!catalogue.DoctorsById.TryGetValue(doctorId, out var doctor)) return CatalogueProblems.NoDoctor(doctorId);
        return TypedResults.Ok(ScheduleResponse.From(doctor, catalogue.ScheduleOf(doctorId), rules));
    }

    public static async Task<Results<Ok<ScheduleResponse>, ProblemHttpResult>> ReplaceWeeklySchedule(
        string doctorId, WeeklyScheduleRequest request, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "doctorId", doctorId);
        var weekly = CatalogueRequestValidation.ToWeekly(request, rules, errors);
        if (errors.Any || weekly is null) return BookingProblems.ValidationFailed(errors);

        var catalogue = await store.LoadAsync(cancellationToken);
        if (!catalogue.DoctorsById.TryGetValue(doctorId, out var doctor)) return CatalogueProblems.NoDoctor(doctorId);
        await store.ReplaceWeeklyScheduleAsync(doctorId, weekly, cancellationToken);
        changes.Published();
        var schedule = catalogue.ScheduleOf(doctorId) with { Weekly = weekly };
        return TypedResults.Ok(ScheduleResponse.From(doctor, schedule, rules));
    }

    public static async Task<Results<Created<ScheduleExceptionResponse>, ProblemHttpResult>> AddScheduleException(
        string doctorId, ScheduleExceptionRequest request, ICatalogueStore store, CatalogueRules rules, CatalogueChanges changes,
        HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "doctorId", doctorId);
        var exception = CatalogueRequestValidation.ToException(doctorId, request, CatalogueApiRegistration.NewId, rules, errors);
        // The generator turns an extra session into a pool: the same calendar as a pool opened by hand.
        if (exception is not null) Pools.PoolCalendarRules.CheckVisitDay(exception.Date, time.Zone, time.Now, errors, "date");
        if (errors.Any || exception is null) return BookingProblems.ValidationFailed(errors);

        var catalogue = await store.LoadAsync(cancellationToken);
        if (!catalogue.DoctorsById.TryGetValue(doctorId, out var doctor)) return CatalogueProblems.NoDoctor(doctorId);
        await store.AddScheduleExceptionAsync(exception, cancellationToken);
        changes.Published();
        return TypedResults.Created($"/api/admin/doctors/{doctorId}/schedule/exceptions/{exception.ExceptionId}",
            ScheduleExceptionResponse.From(exception, rules.FeeFor(doctor.Title)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveScheduleException(
        string doctorId, string exceptionId, ICatalogueStore store, CatalogueChanges changes, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "doctorId", doctorId);
        FieldRules.CheckId(errors, "exceptionId", exceptionId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var catalogue = await store.LoadAsync(cancellationToken);
        if (!catalogue.DoctorsById.ContainsKey(doctorId)) return CatalogueProblems.NoDoctor(doctorId);
        if (!await store.RemoveScheduleExceptionAsync(doctorId, exceptionId, cancellationToken))
            return CatalogueProblems.NoScheduleException(doctorId, exceptionId);
        changes.Published();
        return TypedResults.NoContent();
    }
}
