using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using Microsoft.Extensions.Logging;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.DoctorsDay;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Apis;

/// <summary>The doctor's day: the day list, arrivals, "call next", completions, no-shows, and stopping a clinic.</summary>
public static class DoctorsDayApi
{
    public const int MaxReasonLength = 500;

    public static IEndpointRouteBuilder MapDoctorsDayApi(this IEndpointRouteBuilder app)
    {
        var pools = app.MapGroup("/api/pools/{poolId}").WithTags("Doctor's day").AddEndpointFilter<GrainFaultFilter>()
            .RequireAuthorization(AccessPolicies.Clinician).AddEndpointFilter<SessionOwnershipFilter>();

        pools.MapGet("/day-list", GetDayList)
            .WithName(nameof(GetDayList))
            .WithSummary("A session's day list")
            .WithDescription("The pool's reservations in number order with their status. Cancelled ones only with includeCancelled=true.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesRetryLater();

        pools.MapPost("/call-next", CallNext)
            .WithName(nameof(CallNext))
            .WithSummary("Call the next patient")
            .WithDescription("The checked-in patient with the lowest number moves to in_consultation and is returned.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.NobodyWaiting)
            .ProducesRetryLater();

        MapMove(pools, "/reservations/{reservationId}/check-in", nameof(CheckIn), CheckIn, "Check a patient in",
            "The patient has arrived (booked → checked_in). Repeating it is harmless.");
        MapMove(pools, "/reservations/{reservationId}/complete", nameof(Complete), Complete, "Complete a consultation",
            "The consultation is over (in_consultation → completed). Repeating it is harmless.");
        MapMove(pools, "/reservations/{reservationId}/no-show", nameof(MarkNoShow), MarkNoShow, "Mark a no-show",
            "The patient did not come (booked or checked_in → no_show); the number returns to the pool, as a cancelled one does.");

        app.MapGroup("/api/doctors").WithTags("Doctor's day").AddEndpointFilter<GrainFaultFilter>()
            .RequireAuthorization(AccessPolicies.Clinician).AddEndpointFilter<SessionOwnershipFilter>()
            .MapGet("/{doctorId}/days/{date}", GetDoctorDay)
            .WithName(nameof(GetDoctorDay))
            .WithSummary("A doctor's day")
            .WithDescription("Every session of the doctor on the date (yyyy-MM-dd), each with its day list; none is an empty list.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesRetryLater();

        app.MapGroup("/api/admin").WithTags("Admin").AddEndpointFilter<GrainFaultFilter>().RequireAuthorization(AccessPolicies.Admin)
            .MapPost("/pools/{poolId}/stop-clinic", StopClinic)
            .WithName(nameof(StopClinic))
            .WithSummary("Stop a clinic")
            .WithDescription("Cancels the session: every held number is released with reason doctor_unavailable and each patient " +
                             "gets a notification (in the outbox, in the same transaction). reason: 1–500 characters, told to the patients.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.PoolCancelled)
            .ProducesRetryLater();

        return app;
    }

    private static void MapMove(RouteGroupBuilder pools, string pattern, string name, Delegate handler, string summary, string description) =>
        pools.MapPost(pattern, handler)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.ReservationNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.InvalidTransition)
            .ProducesRetryLater();

    public static async Task<Results<Ok<DayListResponse>, ProblemHttpResult>> GetDayList(
        string poolId, bool? includeCancelled, ISlotPoolGrainFactory pools, HospitalTime time)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        return await ReadDayListAsync(pools.GetSlotPool(poolId), includeCancelled ?? false, time) is { } dayList
            ? TypedResults.Ok(dayList)
            : BookingProblems.PoolNotFound(poolId);
    }

    public static async Task<Results<Ok<DoctorDayResponse>, ProblemHttpResult>> GetDoctorDay(
        string doctorId, string date, bool? includeCancelled, IDoctorSessions sessions, ISlotPoolGrainFactory pools,
        HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "doctorId", doctorId);
        var day = FieldRules.CheckDate(errors, "date", date);
        if (errors.Any || day is not { } visitDay) return BookingProblems.ValidationFailed(errors);

        var lists = new List<DayListResponse>();
        foreach (var poolId in await sessions.FindPoolIdsAsync(doctorId, visitDay, cancellationToken))
        {
            if (await ReadDayListAsync(pools.GetSlotPool(poolId), includeCancelled ?? false, time) is { } dayList) lists.Add(dayList);
        }
        return TypedResults.Ok(new DoctorDayResponse(doctorId, date, lists));
    }

    public static Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> CheckIn(
        string poolId, string reservationId, ISlotPoolGrainFactory pools, INoShowListener listener, ILoggerFactory loggers, HospitalTime time,
        CancellationToken cancellationToken) =>
        MoveAsync(poolId, reservationId, ReservationStatus.CheckedIn, pools, listener, loggers, time, cancellationToken);

    public static Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> Complete(
        string poolId, string reservationId, ISlotPoolGrainFactory pools, INoShowListener listener, ILoggerFactory loggers, HospitalTime time,
        CancellationToken cancellationToken) =>
        MoveAsync(poolId, reservationId, ReservationStatus.Completed, pools, listener, loggers, time, cancellationToken);

    public static Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> MarkNoShow(
        string poolId, string reservationId, ISlotPoolGrainFactory pools, INoShowListener listener, ILoggerFactory loggers, HospitalTime time,
        CancellationToken cancellationToken) =>
        MoveAsync(poolId, reservationId, ReservationStatus.NoShow, pools, listener, loggers, time, cancellationToken);

    public static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> CallNext(
        string poolId, ISlotPoolGrainFactory pools, HospitalTime time)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var outcome = await pools.GetSlotPool(poolId).CallNextAsync();
        return outcome switch
        {
            CallNextOutcome.Called called => TypedResults.Ok(ReservationResponse.From(called.Reservation, time)),
            CallNextOutcome.NobodyWaiting => DoctorsDayProblems.NobodyWaiting(poolId),
            CallNextOutcome.PoolNotFound => BookingProblems.PoolNotFound(poolId),
            _ => throw new UnreachableException($"Unknown call-next outcome {outcome}."),
        };
    }

    public static async Task<Results<Ok<StopClinicResponse>, ProblemHttpResult>> StopClinic(
        string poolId, StopClinicRequest request, ISlotPoolGrainFactory pools, HospitalTime time)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        // Required: the patients are told why.
        var reason = FieldRules.CheckText(errors, "reason", request.Reason, MaxReasonLength);
        if (errors.Any || reason is null) return BookingProblems.ValidationFailed(errors);

        var outcome = await pools.GetSlotPool(poolId).StopClinicAsync(reason);
        return outcome switch
        {
            StopClinicOutcome.Stopped stopped => TypedResults.Ok(new StopClinicResponse(
                PoolResponse.From(stopped.Pool, time),
                stopped.Cancelled.Count,
                stopped.Cancelled.Select(r => ReservationResponse.From(r, time)).ToList())),
            StopClinicOutcome.AlreadyStopped => BookingProblems.PoolCancelled(poolId),
            StopClinicOutcome.PoolNotFound => BookingProblems.PoolNotFound(poolId),
            _ => throw new UnreachableException($"Unknown stop-clinic outcome {outcome}."),
        };
    }

    private static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> MoveAsync(
        string poolId, string reservationId, ReservationStatus to, ISlotPoolGrainFactory pools, INoShowListener listener,
        ILoggerFactory loggers, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        var id = FieldRules.CheckReservationId(errors, reservationId);
        if (errors.Any || id is null) return BookingProblems.ValidationFailed(errors);

        var outcome = await pools.GetSlotPool(poolId).ChangeReservationStatusAsync(id, to);
        switch (outcome)
        {
            case ReservationStatusOutcome.Changed changed:
                // Reported once the no-show is durable, and only the first time it is marked.
                if (to == ReservationStatus.NoShow && !changed.Repeated)
                    await ReportNoShowAsync(changed.Reservation, listener, loggers, time, cancellationToken);
                return TypedResults.Ok(ReservationResponse.From(changed.Reservation, time));
            case ReservationStatusOutcome.InvalidTransition invalid:
                return DoctorsDayProblems.InvalidTransition(invalid.From, invalid.To);
            case ReservationStatusOutcome.ReservationNotFound:
                return DoctorsDayProblems.ReservationNotInPool(poolId, id);
            default:
                throw new UnreachableException($"Unknown status outcome {outcome}.");
        }
    }

    // The no-show is durable before it is reported: a listener fault costs one count toward a
    // suspension, and must not turn the doctor's recorded no-show into an error (a retry would
    // be a repeat, and repeats are not reported).
    private static async Task ReportNoShowAsync(
        Reservation noShow, INoShowListener listener, ILoggerFactory loggers, HospitalTime time, CancellationToken cancellationToken)
    {
        try
        {
            await listener.NoShowRecordedAsync(noShow, time.Now, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(DoctorsDayApi).FullName!).LogWarning(exception,
                "No-show of reservation {ReservationId} (patient {PatientId}) is stored but could not be reported.", noShow.ReservationId, noShow.PatientId);
        }
    }

    private static async Task<DayListResponse?> ReadDayListAsync(ISlotPoolGrain pool, bool includeCancelled, HospitalTime time)
    {
        // Both reads are of the grain's state; the pool is read second so its counts are never older than the list.
        if (await pool.ListReservationsAsync() is not { } reservations) return null;
        if (await pool.GetSnapshotAsync() is not { } snapshot) return null;
        return DayListResponse.From(snapshot, reservations, includeCancelled, time);
    }
}
