using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.DoctorsDay;
using OrleansBooking.Api.Contracts.Lottery;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Pools;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.References;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Apis;

/// <summary>What the hospital's staff do with pools: open one, change its quota, release time or status, stop its clinic.</summary>
public static class PoolsAdminApi
{
    public const int MaxReasonLength = 500;

    public static IEndpointRouteBuilder MapPoolsAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/pools").WithTags("Admin").AddEndpointFilter<GrainFaultFilter>().RequireAuthorization(AccessPolicies.Admin).AuditRefusals();

        api.MapPost("", CreatePool)
            .WithName(nameof(CreatePool))
            .WithSummary("Open a pool")
            .WithDescription("One doctor's session on one day. poolId is generated when absent. The doctor must be an active doctor of the "
                + "catalogue (load-test mode also takes synthetic ones), departmentId (absent: the doctor's) the doctor's active department; "
                + "the date from today to 366 days ahead, releaseAt before the session starts (at most 366 days), the numbers ending by "
                + "midnight, and one pool per doctor, day and session (session_taken).")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound, CatalogueProblems.DepartmentNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.PoolExists, PoolProblems.DoctorInOtherDepartment,
                PoolProblems.DoctorInactive, PoolProblems.DepartmentInactive, PoolProblems.SessionTaken)
            .ProducesRetryLater();

        api.MapPatch("/{poolId}", ChangePool)
            .WithName(nameof(ChangePool))
            .WithSummary("Change a pool's quota, release time, status or allocation")
            .WithDescription("Absent fields stay as they are. status: open | closed | cancelled (stop-clinic: every number is released). "
                + "releaseAt must be before the session starts; a quota must still end by midnight. lottery: {windowMinutes} makes the "
                + "pool draw (a seed is chosen now), allocation: first_come removes the draw; either only before the release "
                + "(release_passed) and while the pool has no reservation (pool_has_reservations).")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.QuotaBelowBooked, ProblemCodes.PoolCancelled,
                ProblemCodes.PoolHasReservations, ProblemCodes.ReleasePassed)
            .ProducesRetryLater();

        api.MapPost("/{poolId}/stop-clinic", StopClinic)
            .WithName(nameof(StopClinic))
            .WithSummary("Stop a clinic")
            .WithDescription("Cancels the session: every held number is released with reason doctor_unavailable and each patient " +
                             "gets a notification (in the outbox, in the same transaction). reason: 1–500 characters, told to the patients.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.PoolCancelled)
            .ProducesRetryLater();

        api.MapPost("/{poolId}/reservations/{reservationId}/withdraw-no-show", WithdrawNoShow)
            .WithName(nameof(WithdrawNoShow))
            .WithSummary("Withdraw a wrongly recorded no-show")
            .WithDescription("The reservation stops being a no-show and ends as cancelled (admin_action); the patient's record forgets "
                + "the miss, and a suspension it counted toward ends now (suspensionLifted). reason: 1–500 characters, kept in the "
                + "audit log (action WithdrawNoShow). Withdrawing twice answers 409 not_a_no_show.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.ReservationNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.NotANoShow)
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Results<Created<PoolResponse>, ProblemHttpResult>> CreatePool(
        CreatePoolRequest request, ISlotPoolGrainFactory pools, HospitalTime time, IOptions<SlotPoolRules> rules,
        PoolCatalogueCheck catalogue, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var requested = RequestValidation.ToDefinition(request, static () => Guid.NewGuid().ToString("N"), errors);
        if (requested is not null) PoolCalendarRules.Check(requested, rules.Value, time.Zone, time.Now, errors);
        if (requested is null || errors.Any) return BookingProblems.ValidationFailed(errors);
        var (definition, refusal) = await catalogue.CheckNewAsync(requested, cancellationToken);
        if (definition is null) return refusal!;

        var outcome = await pools.GetSlotPool(definition.PoolId).CreateAsync(definition);
        return outcome switch
        {
            CreatePoolOutcome.Created created =>
                TypedResults.Created($"/api/pools/{created.Pool.PoolId}", PoolResponse.From(created.Pool, time)),
            CreatePoolOutcome.PoolExists exists => BookingProblems.PoolExists(exists.Pool),
            _ => throw new UnreachableException($"Unknown create outcome {outcome}."),
        };
    }

    public static async Task<Results<Ok<PoolResponse>, ProblemHttpResult>> ChangePool(
        string poolId, UpdatePoolRequest request, ISlotPoolGrainFactory pools, HospitalTime time, IOptions<SlotPoolRules> rules,
        PoolCatalogueCheck catalogue, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        var change = RequestValidation.ToChange(request, errors);
        if (errors.Any || change is null) return BookingProblems.ValidationFailed(errors);

        // The visit day and start never change, so checking them against the committed pool holds for the change too.
        var pool = pools.GetSlotPool(poolId);
        if (await pool.GetSnapshotAsync() is not { } current) return BookingProblems.PoolNotFound(poolId);
        if (change.ReleaseAt is { } releaseAt) PoolCalendarRules.CheckRelease(current.Definition, releaseAt, rules.Value, time.Zone, errors);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);
        if (change.Quota is { } quota && await catalogue.CheckQuotaAsync(current.Definition, quota, cancellationToken) is { } refused) return refused;

        var outcome = await pool.ChangeAsync(change);
        return outcome switch
        {
            ChangePoolOutcome.Changed changed => TypedResults.Ok(PoolResponse.From(changed.Pool, time)),
            ChangePoolOutcome.QuotaBelowBooked refusal => BookingProblems.QuotaBelowBooked(refusal),
            ChangePoolOutcome.PoolCancelled => BookingProblems.PoolCancelled(poolId),
            ChangePoolOutcome.HasReservations refusal => LotteryProblems.PoolHasReservations(poolId, refusal.Reservations),
            ChangePoolOutcome.ReleasePassed refusal => LotteryProblems.ReleasePassed(poolId, time.ToLocal(refusal.ReleaseAt)),
            ChangePoolOutcome.PoolNotFound => BookingProblems.PoolNotFound(poolId),
            _ => throw new UnreachableException($"Unknown change outcome {outcome}."),
        };
    }

    public static async Task<Results<Ok<StopClinicResponse>, ProblemHttpResult>> StopClinic(
        string poolId, StopClinicRequest request, ISlotPoolGrainFactory pools, HospitalTime time, HttpContext http)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        // Required: the patients are told why.
        var reason = FieldRules.CheckText(errors, "reason", request.Reason, MaxReasonLength);
        if (errors.Any || reason is null) return BookingProblems.ValidationFailed(errors);

        // Why a whole session of patients was sent home is what an admin reading the log needs most.
        AuditDetail.Set(http, "reason " + reason);
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

    /// <remarks>
    /// The patient's record first, then the pool: a fault between the two leaves the reservation a
    /// no-show that no longer counts, and a retry finishes it (the patient's step is harmless twice).
    /// </remarks>
    public static async Task<Results<Ok<NoShowWithdrawalResponse>, ProblemHttpResult>> WithdrawNoShow(
        string poolId, string reservationId, WithdrawNoShowRequest request, ISlotPoolGrainFactory pools,
        GrainReferences<IPatientGrain> patients, HospitalTime time, HttpContext http)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        var id = FieldRules.CheckReservationId(errors, reservationId);
        var reason = FieldRules.CheckText(errors, "reason", request.Reason, MaxReasonLength);
        if (errors.Any || id is null || reason is null) return BookingProblems.ValidationFailed(errors);

        AuditDetail.Set(http, "reason " + reason);
        var pool = pools.GetSlotPool(poolId);
        if (await pool.GetReservationAsync(id) is not { } noShow) return DoctorsDayProblems.ReservationNotInPool(poolId, id);
        if (noShow.Status != ReservationStatus.NoShow) return DoctorsDayProblems.NotANoShow(noShow.Status);

        // A patient the hospital never registered (a test pool, a tool) has no record to correct.
        var lifted = await patients.Get(noShow.PatientId).WithdrawNoShowAsync(id) is PatientWithdrawNoShowOutcome.Withdrawn { SuspensionLifted: true };
        var outcome = await pool.WithdrawNoShowAsync(id);
        return outcome switch
        {
            WithdrawNoShowOutcome.Withdrawn withdrawn =>
                TypedResults.Ok(new NoShowWithdrawalResponse(ReservationResponse.From(withdrawn.Reservation, time), lifted)),
            WithdrawNoShowOutcome.NotANoShow notNoShow => DoctorsDayProblems.NotANoShow(notNoShow.Status),
            WithdrawNoShowOutcome.ReservationNotFound => DoctorsDayProblems.ReservationNotInPool(poolId, id),
            _ => throw new UnreachableException($"Unknown withdraw-no-show outcome {outcome}."),
        };
    }
}
