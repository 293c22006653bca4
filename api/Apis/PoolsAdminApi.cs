using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.DoctorsDay;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
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
            .WithDescription("One doctor's session on one day. poolId is generated when absent.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.PoolExists)
            .ProducesRetryLater();

        api.MapPatch("/{poolId}", ChangePool)
            .WithName(nameof(ChangePool))
            .WithSummary("Change a pool's quota, release time or status")
            .WithDescription("Absent fields stay as they are. status: open | closed | cancelled (stop-clinic: every number is released).")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.QuotaBelowBooked, ProblemCodes.PoolCancelled)
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

        return app;
    }

    public static async Task<Results<Created<PoolResponse>, ProblemHttpResult>> CreatePool(
        CreatePoolRequest request, ISlotPoolGrainFactory pools, HospitalTime time)
    {
        var errors = new RequestErrors();
        var definition = RequestValidation.ToDefinition(request, static () => Guid.NewGuid().ToString("N"), errors);
        if (definition is null) return BookingProblems.ValidationFailed(errors);

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
        string poolId, UpdatePoolRequest request, ISlotPoolGrainFactory pools, HospitalTime time)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        var change = RequestValidation.ToChange(request, errors);
        if (errors.Any || change is null) return BookingProblems.ValidationFailed(errors);

        var outcome = await pools.GetSlotPool(poolId).ChangeAsync(change);
        return outcome switch
        {
            ChangePoolOutcome.Changed changed => TypedResults.Ok(PoolResponse.From(changed.Pool, time)),
            ChangePoolOutcome.QuotaBelowBooked refusal => BookingProblems.QuotaBelowBooked(refusal),
            ChangePoolOutcome.PoolCancelled => BookingProblems.PoolCancelled(poolId),
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
}
