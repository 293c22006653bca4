using System.Diagnostics;
using System.Security.Claims;
using OrleansBooking.Api.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.Patients;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Apis;

/// <summary>Taking, reading and cancelling numbers: the hot path of a release.</summary>
public static class ReservationsApi
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static IEndpointRouteBuilder MapReservationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Reservations").AddEndpointFilter<GrainFaultFilter>();

        api.MapPost("/pools/{poolId}/reservations", CreateReservation)
            .RequireAuthorization(AccessPolicies.Patient)
            .WithName(nameof(CreateReservation))
            .WithSummary("Take a number in a pool")
            .WithDescription("A signed-in patient account books for one of the patients it manages (patientId; may be left out when it manages "
                + "exactly one). Another account's patient is patient_not_found. "
                + "Answers once the reservation is durable. Send an Idempotency-Key (1–128 printable ASCII characters): "
                + "a retry with the same key gets the same reservation and the same 201, with header Idempotent-Replayed: true. "
                + "The patient must be registered; per-patient limits answer limit_reached with the limit "
                + "(department_per_day, per_day, per_week), repeated no-shows patient_suspended.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound, ProblemCodes.PatientNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.SoldOut, ProblemCodes.AlreadyBooked,
                ProblemCodes.NotReleased, ProblemCodes.PoolClosed, ProblemCodes.LimitReached, ProblemCodes.PatientSuspended)
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, ProblemCodes.IdempotencyKeyReused)
            .ProducesRetryLater();

        api.MapGet("/pools/{poolId}/reservations", ListPoolReservations)
            .RequireAuthorization(AccessPolicies.Clinician)
            .AddEndpointFilter<SessionOwnershipFilter>()
            .WithName(nameof(ListPoolReservations))
            .WithSummary("List a pool's reservations")
            .WithDescription("Every reservation of the pool, cancelled ones included, in number order. The session's doctor or an admin.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesRetryLater();

        api.MapGet("/reservations/{reservationId}", GetReservation)
            .RequireAuthorization(AccessPolicies.AnyRole)
            .WithName(nameof(GetReservation))
            .WithSummary("Get a reservation")
            .WithDescription("The patient's account, the session's doctor or an admin; anyone else gets reservation_not_found, as for a missing one.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.ReservationNotFound)
            .ProducesRetryLater();

        api.MapDelete("/reservations/{reservationId}", CancelReservation)
            .RequireAuthorization(AccessPolicies.PatientOrAdmin)
            .WithName(nameof(CancelReservation))
            .WithSummary("Cancel a reservation")
            .WithDescription("The patient's account (or an admin) cancels; the number returns to the pool. Allowed until the hospital's "
                + "cancellation deadline. Cancelling a cancelled reservation answers 200 again. Another account's reservation is not found.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.ReservationNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.CancellationClosed, ProblemCodes.NotCancellable)
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Results<Created<ReservationResponse>, ProblemHttpResult>> CreateReservation(
        string poolId,
        CreateReservationRequest request,
        // Bound for the OpenAPI document; validation reads the raw header, where a repeated key is visible.
        [FromHeader(Name = FieldRules.IdempotencyKeyHeader)] string? idempotencyKey,
        HttpContext http,
        IGrainFactory grains,
        ISlotPoolGrainFactory pools,
        IPatientDirectory directory,
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
        var reserve = RequestValidation.ToReserveRequest(patientId, http.Request.Headers[FieldRules.IdempotencyKeyHeader], errors);
        if (reserve is null) return BookingProblems.ValidationFailed(errors);

        // Most of the 08:00 crowd arrives after the numbers are gone: a sold-out pool answers them
        // at once, before any patient is loaded.
        ReserveOutcome outcome;
        if (await pools.GetSlotPool(poolId).AnswerIfSoldOutAsync(reserve) is { } early)
            outcome = early;
        // Otherwise through the patient: its limits are decided together with the pool's answer.
        else switch (await grains.GetGrain<IPatientGrain>(reserve.PatientId).ReserveForAccountAsync(accountId, poolId, reserve))
        {
            case PatientReserveOutcome.Decided decided:
                outcome = decided.Pool;
                break;
            case PatientReserveOutcome.PatientNotFound:
                return PatientProblems.PatientNotFound(reserve.PatientId);
            case PatientReserveOutcome.LimitReached reached:
                return PatientProblems.LimitReached(reached.Limit, reached.Allowed);
            case PatientReserveOutcome.Suspended suspended:
                return PatientProblems.PatientSuspended(time.ToLocal(suspended.Until));
            case var other:
                throw new UnreachableException($"Unknown patient outcome {other}.");
        }

        switch (outcome)
        {
            case ReserveOutcome.Reserved reserved:
                if (reserved.Replayed) http.Response.Headers[ReplayedHeader] = "true";
                var reservation = reserved.Reservation;
                return TypedResults.Created($"/api/reservations/{reservation.ReservationId}", ReservationResponse.From(reservation, time));
            case ReserveOutcome.SoldOut:
                return BookingProblems.SoldOut(poolId);
            case ReserveOutcome.NotReleased notReleased:
                return BookingProblems.NotReleased(time.ToLocal(notReleased.ReleaseAt));
            case ReserveOutcome.AlreadyBooked alreadyBooked:
                return BookingProblems.AlreadyBooked(alreadyBooked.Existing);
            case ReserveOutcome.PoolClosed closed:
                return BookingProblems.PoolClosed(closed.Status);
            case ReserveOutcome.PoolNotFound:
                return BookingProblems.PoolNotFound(poolId);
            case ReserveOutcome.IdempotencyKeyReused:
                return BookingProblems.IdempotencyKeyReused();
            default:
                throw new UnreachableException($"Unknown reserve outcome {outcome}.");
        }
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

    public static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> GetReservation(
        string reservationId, ClaimsPrincipal user, ISlotPoolGrainFactory pools, IReservationIndex index, IPatientDirectory directory,
        HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (FieldRules.CheckReservationId(errors, reservationId) is not { } id) return BookingProblems.ValidationFailed(errors);

        return await FindVisibleAsync(id, user, pools, index, directory, cancellationToken) is ({ } reservation, _)
            ? TypedResults.Ok(ReservationResponse.From(reservation, time))
            : BookingProblems.ReservationNotFound(reservationId);
    }

    /// <summary>The reservation and its pool when it exists and the caller may see it; (null, null) for both "missing" and "not yours", alike.</summary>
    private static async Task<(Reservation?, ISlotPoolGrain?)> FindVisibleAsync(
        string id, ClaimsPrincipal user, ISlotPoolGrainFactory pools, IReservationIndex index, IPatientDirectory directory,
        CancellationToken cancellationToken)
    {
        if (await index.FindPoolIdAsync(id, cancellationToken) is not { } poolId) return (null, null);
        var pool = pools.GetSlotPool(poolId);
        if (await pool.GetReservationAsync(id) is not { } reservation
            || !await user.MaySeeReservationAsync(reservation, pool, directory, cancellationToken))
            return (null, null);
        return (reservation, pool);
    }

    public static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> CancelReservation(
        string reservationId, ClaimsPrincipal user, ISlotPoolGrainFactory pools, IGrainFactory grains, IReservationIndex index,
        IPatientDirectory directory, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (FieldRules.CheckReservationId(errors, reservationId) is not { } id) return BookingProblems.ValidationFailed(errors);

        if (await FindVisibleAsync(id, user, pools, index, directory, cancellationToken) is not (_, { } pool))
            return BookingProblems.ReservationNotFound(reservationId);
        var outcome = await pool.CancelAsync(id, CancellationReason.PatientRequest);
        if (outcome is CancelOutcome.Cancelled { Reservation: var gone })
        {
            try
            {
                await grains.GetGrain<IPatientGrain>(gone.PatientId).ReservationCancelledAsync(gone.ReservationId);
            }
            catch (Exception fault) when (GrainFaults.Describe(fault) is not null)
            {
                // The cancellation is durable; only the patient's early notice failed. The patient
                // grain re-reads its reservations before it refuses anyone, so nobody is wrongly refused.
            }
        }
        return outcome switch
        {
            CancelOutcome.Cancelled cancelled => TypedResults.Ok(ReservationResponse.From(cancelled.Reservation, time)),
            CancelOutcome.CancellationClosed closed => BookingProblems.CancellationClosed(time.ToLocal(closed.Deadline)),
            CancelOutcome.NotCancellable notCancellable => BookingProblems.NotCancellable(notCancellable.Status),
            CancelOutcome.ReservationNotFound => BookingProblems.ReservationNotFound(reservationId),
            _ => throw new UnreachableException($"Unknown cancel outcome {outcome}."),
        };
    }
}
