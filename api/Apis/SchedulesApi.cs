using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Contracts.Catalogue;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Catalogue;

namespace OrleansBooking.Api.Apis;

/// <summary>Doctors' weekly templates and exceptions, and running the pool generator on demand.</summary>
public static class SchedulesApi
{
    public static IEndpointRouteBuilder MapSchedulesApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags(CatalogueApi.AdminTag).RequireAuthorization(AccessPolicies.Admin);

        admin.MapGet("/doctors/{doctorId}/schedule", GetSchedule)
            .WithName(nameof(GetSchedule))
            .WithSummary("Get a doctor's schedule")
            .WithDescription("The weekly template and the exceptions from yesterday on.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound);

        admin.MapPut("/doctors/{doctorId}/schedule", ReplaceWeeklySchedule)
            .WithName(nameof(ReplaceWeeklySchedule))
            .WithSummary("Replace a doctor's weekly template")
            .WithDescription("Takes effect at the next generation (daily, or POST /api/admin/pool-generation). Existing pools are "
                + "never lowered or removed; a larger quota raises theirs.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound);

        admin.MapPost("/doctors/{doctorId}/schedule/exceptions", AddScheduleException)
            .WithName(nameof(AddScheduleException))
            .WithSummary("Add a leave or an extra session")
            .WithDescription("leave: no pool that day (or that session). extra_session: a session outside the template, or one that "
                + "replaces the template's that day. A leave wins over an extra session. Pools already generated stay: cancel one with "
                + "PATCH /api/admin/pools/{poolId}.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound);

        admin.MapDelete("/doctors/{doctorId}/schedule/exceptions/{exceptionId}", RemoveScheduleException)
            .WithName(nameof(RemoveScheduleException))
            .WithSummary("Remove a leave or an extra session")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound, CatalogueProblems.ScheduleExceptionNotFound);

        admin.MapPost("/pool-generation", GeneratePools)
            .WithName(nameof(GeneratePools))
            .WithSummary("Generate the booking window's pools now")
            .WithDescription("What the daily run does: creates missing pools from the schedules, raises quotas that grew, changes nothing "
                + "else. Safe to repeat.")
            .AddEndpointFilter<GrainFaultFilter>()
            .ProducesRetryLater();

        return app;
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
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "doctorId", doctorId);
        var exception = CatalogueRequestValidation.ToException(doctorId, request, CatalogueApi.NewId, rules, errors);
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

    public static async Task<Ok<GenerationResponse>> GeneratePools(PoolGenerator generator, CatalogueChanges changes, CancellationToken cancellationToken)
    {
        var report = await generator.RunAsync(cancellationToken);
        changes.Published();
        return TypedResults.Ok(GenerationResponse.Of(report));
    }
}
