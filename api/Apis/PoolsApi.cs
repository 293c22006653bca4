using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Answers;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Caching;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.DoctorsDay;
using OrleansBooking.Api.Contracts.Patients;
using OrleansBooking.Api.DoctorsDay;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Pools;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Rush;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.References;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Apis;

/// <summary>
/// One pool: reading it (the browse traffic before and during a release), taking a number in it
/// (the hot path of a release), and the doctor's day of its session: the day list, arrivals,
/// "call next", completions and no-shows.
/// </summary>
public static class PoolsApi
{
    public const string ReplayedHeader = ReservationAnswers.ReplayedHeader;

    public static IEndpointRouteBuilder MapPoolsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pools").WithTags("Pools").AddEndpointFilter<GrainFaultFilter>().AllowAnonymous();

        api.MapGet("/{poolId}", GetPool)
            .WithName(nameof(GetPool))
            .WithSummary("Get a pool")
            .WithDescription("The pool's committed state. Sends an ETag; a matching If-None-Match gets 304 without a body.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesRetryLater();

        var reservations = app.MapGroup("/api/pools").WithTags("Reservations").AddEndpointFilter<GrainFaultFilter>();

        reservations.MapPost("/{poolId}/reservations", CreateReservation)
            .RequireAuthorization(AccessPolicies.Patient)
            .WithName(nameof(CreateReservation))
            .WithSummary("Take a number in a pool")
            .WithDescription("A signed-in patient account books for one of the patients it manages (patientId; may be left out when it manages "
                + "exactly one). Another account's patient is patient_not_found. "
                + "Answers once the reservation is durable. Send an Idempotency-Key (1–128 printable ASCII characters): "
                + "a retry with the same key gets the same reservation and the same 201, with header Idempotent-Replayed: true. "
                + "Keys are the account's own: another account using the same key never meets this one. "
                + "In a pool that draws (allocation lottery), a request from the release until lotteryClosesAt is an entry: 202 status entered, "
                + "one per patient (asking again answers the same entry), no number until the draw; after it, winners are answered with their reservation "
                + "and everyone else first come, first served for the numbers left. "
                + "The patient must be registered; per-patient limits answer limit_reached with the limit "
                + "(department_per_day, per_day, per_week), repeated no-shows patient_suspended; a deactivated doctor or department doctor_inactive / department_inactive, a patient of an age the department does not see outside_department_ages.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound, ProblemCodes.PatientNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.SoldOut, ProblemCodes.AlreadyBooked,
                ProblemCodes.NotReleased, ProblemCodes.PoolClosed, ProblemCodes.LimitReached, ProblemCodes.PatientSuspended,
                PoolProblems.DoctorInactive, PoolProblems.DepartmentInactive, PoolProblems.OutsideDepartmentAges)
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, ProblemCodes.IdempotencyKeyReused)
            .ProducesRetryLater()
            .AddEndpointFilter<CountReservationAttempts>();

        reservations.MapGet("/{poolId}/reservations", ListPoolReservations)
            .RequireAuthorization(AccessPolicies.Clinician)
            .AddEndpointFilter<SessionOwnershipFilter>()
            .WithName(nameof(ListPoolReservations))
            .WithSummary("List a pool's reservations")
            .WithDescription("Every reservation of the pool, cancelled ones included, in number order. The session's doctor or an admin.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesRetryLater();

        var day = app.MapGroup("/api/pools").WithTags("Doctor's day").AddEndpointFilter<GrainFaultFilter>()
            .RequireAuthorization(AccessPolicies.Clinician).AddEndpointFilter<SessionOwnershipFilter>();

        day.MapGet("/{poolId}/day-list", GetDayList)
            .WithName(nameof(GetDayList))
            .WithSummary("A session's day list")
            .WithDescription("The pool's reservations in number order with their status. Cancelled ones only with includeCancelled=true.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesRetryLater();

        day.MapPost("/{poolId}/call-next", CallNext)
            .WithName(nameof(CallNext))
            .WithSummary("Call the next patient")
            .WithDescription("The checked-in patient with the lowest number moves to in_consultation and is returned. "
                + "Only on the visit day from the session's start (too_early with opensAt, visit_day_over with closedAt).")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.NobodyWaiting, ProblemCodes.TooEarly, ProblemCodes.VisitDayOver)
            .ProducesRetryLater();

        day.MapPost("/{poolId}/stop-clinic-requests", RequestStopClinic)
            .WithName(nameof(RequestStopClinic))
            .WithSummary("Ask the hospital to stop a clinic")
            .WithDescription("The session's doctor asks for the session to be stopped (reason: 1–500 characters). Nothing is cancelled "
                + "yet: the request is in the audit log (action RequestStopClinic) for an admin, who stops the clinic with "
                + "POST /api/admin/pools/{poolId}/stop-clinic.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesRetryLater();

        MapMove(day, "/{poolId}/reservations/{reservationId}/check-in", nameof(CheckIn), CheckIn, "Check a patient in",
            "The patient has arrived (booked → checked_in). Repeating it is harmless. Opens Booking:DoctorsDay:CheckInOpensMinutesBefore "
            + "(60) before the session and closes with the visit day.");
        MapMove(day, "/{poolId}/reservations/{reservationId}/complete", nameof(Complete), Complete, "Complete a consultation",
            "The consultation is over (in_consultation → completed). Repeating it is harmless. Only on the visit day, from the session's start.");
        MapMove(day, "/{poolId}/reservations/{reservationId}/no-show", nameof(MarkNoShow), MarkNoShow, "Mark a no-show",
            "The patient did not come (booked or checked_in → no_show); the number returns to the pool, as a cancelled one does. "
            + "Only once the session is over plus Booking:DoctorsDay:NoShowGrace (30 minutes), the instant the sweep marks the rest.");

        return app;
    }

    private static void MapMove(RouteGroupBuilder day, string pattern, string name, Delegate handler, string summary, string description) =>
        day.MapPost(pattern, handler)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.ReservationNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.InvalidTransition, ProblemCodes.TooEarly, ProblemCodes.VisitDayOver)
            .ProducesRetryLater();

    public static async Task<Results<Ok<PoolResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetPool(
        string poolId, HttpRequest request, HttpResponse response, ISlotPoolGrainFactory pools, HospitalTime time)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        if (await pools.GetSlotPool(poolId).GetSnapshotAsync() is not { } pool) return BookingProblems.PoolNotFound(poolId);

        var body = PoolResponse.From(pool, time);
        var etag = PoolETag(pool, body.Status);
        // Browsers and apps may keep the pool but must ask again each time: the count changes every second.
        return ETags.NotModified(request, response, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(body);
    }

    /// <summary>
    /// The committed version changes with every write; quota and booked are in it too so that any
    /// engine's snapshot gets a new tag when what a patient cares about changes, and the status
    /// because "scheduled" turns into "open" at the release instant without any write.
    /// </summary>
    public static EntityTagHeaderValue PoolETag(SlotPoolSnapshot pool, PoolStatus status) =>
        new($"\"{pool.Version}-{pool.Quota}-{pool.Booked}-{FieldRules.WireName(status)}\"");

    public static async Task<Results<Created<ReservationResponse>, Accepted<LotteryEntryResponse>, ProblemHttpResult, SoldOutAnswer>> CreateReservation(
        string poolId,
        CreateReservationRequest request,
        // Bound for the OpenAPI document; validation reads the raw header, where a repeated key is visible.
        [FromHeader(Name = FieldRules.IdempotencyKeyHeader)] string? idempotencyKey,
        HttpContext http,
        GrainReferences<IPatientGrain> patients,
        ISlotPoolGrainFactory pools,
        IPatientDirectory directory,
        BookableSessions bookable,
        SoldOutViews soldOut,
        HospitalTime time)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        var accountId = http.User.AccountIdOf()!;
        // Most requests name the patient; an account of one patient may leave it out (one extra read).
        var patientId = request.PatientId
            ?? (await directory.ListByAccountAsync(accountId, http.RequestAborted) is [var only] ? only.Profile.PatientId : null);
        if (patientId is null)
        {
            errors.Add("patientId", "patientId is required: the account manages no patient, or more than one.");
            return BookingProblems.ValidationFailed(errors);
        }
        var reserve = RequestValidation.ToReserveRequest(accountId, patientId, http.Request.Headers[FieldRules.IdempotencyKeyHeader], errors);
        if (reserve is null) return BookingProblems.ValidationFailed(errors);
        if (await bookable.RefusalAsync(poolId, accountId, reserve.PatientId, http.RequestAborted) is { } notBookable) return notBookable;

        // Most of the 08:00 crowd arrives after the numbers are gone: a sold-out pool answers them
        // at once, before any patient is loaded, from this silo's copy of its answer when it has one.
        // Otherwise through the patient: its limits are decided together with the pool's answer.
        var pool = pools.GetSlotPool(poolId);
        PatientReserveOutcome decision;
        if (soldOut.AnswersSoldOut(poolId, reserve))
        {
            decision = new PatientReserveOutcome.Decided(new ReserveOutcome.SoldOut());
        }
        else
        {
            decision = await HandOverRetry.RunAsync(async () =>
                await pool.AnswerIfSoldOutAsync(reserve) is { } early
                    ? new PatientReserveOutcome.Decided(early)
                    : await patients.Get(reserve.PatientId).ReserveForAccountAsync(accountId, poolId, reserve));
            // The pool said sold out itself: this silo has no current copy of that answer yet.
            if (decision is PatientReserveOutcome.Decided { Pool: ReserveOutcome.SoldOut }) _ = soldOut.RefreshAsync(poolId, pool);
        }
        if (ReservationAnswers.PatientRefusal(decision, reserve.PatientId, time, out var decided) is { } refused) return refused;
        var outcome = decided!;
        Metrics.ReservationMetrics.Record(outcome);
        return ReservationAnswers.From(poolId, outcome, http, time);
    }

    public static async Task<Results<Ok<ReservationResponse[]>, ProblemHttpResult>> ListPoolReservations(
        string poolId, ISlotPoolGrainFactory pools, HospitalTime time)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        if (await pools.GetSlotPool(poolId).ListReservationsAsync() is not { } reservations) return BookingProblems.PoolNotFound(poolId);
        return TypedResults.Ok(reservations.Select(r => ReservationResponse.From(r, time)).ToArray());
    }

    public static async Task<Results<Ok<DayListResponse>, ProblemHttpResult>> GetDayList(
        string poolId, bool? includeCancelled, ISlotPoolGrainFactory pools, IPatientDirectory patients, HospitalTime time,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        return await DayLists.ReadAsync(pools.GetSlotPool(poolId), includeCancelled ?? false, time, patients, cancellationToken) is { } dayList
            ? TypedResults.Ok(dayList)
            : BookingProblems.PoolNotFound(poolId);
    }

    public static async Task<Results<Accepted<StopClinicRequestResponse>, ProblemHttpResult>> RequestStopClinic(
        string poolId, StopClinicRequest request, HttpContext http, ISlotPoolGrainFactory pools, HospitalTime time)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        var reason = FieldRules.CheckText(errors, "reason", request.Reason, PoolsAdminApi.MaxReasonLength);
        if (errors.Any || reason is null) return BookingProblems.ValidationFailed(errors);

        if (await pools.GetSlotPool(poolId).GetSnapshotAsync() is null) return BookingProblems.PoolNotFound(poolId);
        // The audit entry is the request: admins find it by its action, with who asked and why.
        AuditDetail.Set(http, "reason: " + reason);
        return TypedResults.Accepted($"/api/admin/audit?action={nameof(RequestStopClinic)}",
            new StopClinicRequestResponse(poolId, reason, time.ToLocal(time.Now)));
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
            CallNextOutcome.OutsideHours outside => DoctorsDayProblems.OutsideHours(outside.Refusal, time),
            CallNextOutcome.PoolNotFound => BookingProblems.PoolNotFound(poolId),
            _ => throw new UnreachableException($"Unknown call-next outcome {outcome}."),
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
            case ReservationStatusOutcome.TooEarly or ReservationStatusOutcome.VisitDayOver:
                return DoctorsDayProblems.OutsideHours(outcome, time);
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
            loggers.CreateLogger(typeof(PoolsApi).FullName!).LogWarning(exception,
                "No-show of reservation {ReservationId} (patient {PatientId}) is stored but could not be reported.", noShow.ReservationId, noShow.PatientId);
        }
    }
}
