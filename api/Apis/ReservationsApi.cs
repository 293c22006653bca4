using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.Patients;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.Runtime;
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
            .WithName(nameof(CreateReservation))
            .WithSummary("Take a number in a pool")
            .WithDescription("Answers once the reservation is durable. Send an Idempotency-Key (1–128 printable ASCII characters): "
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
            .WithName(nameof(ListPoolReservations))
            .WithSummary("List a pool's reservations")
            .WithDescription("Every reservation of the pool, cancelled ones included, in number order.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesRetryLater();

        api.MapGet("/reservations/{reservationId}", GetReservation)
            .WithName(nameof(GetReservation))
            .WithSummary("Get a reservation")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.ReservationNotFound)
            .ProducesRetryLater();

        api.MapDelete("/reservations/{reservationId}", CancelReservation)
            .WithName(nameof(CancelReservation))
            .WithSummary("Cancel a reservation")
            .WithDescription("The patient cancels; the number returns to the pool. Allowed until the hospital's cancellation "
                + "deadline. Cancelling a cancelled reservation answers 200 again.")
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
        HttpRequest http,
        HttpResponse response,
        IPatientGrainFactory patients,
        ISlotPoolGrainFactory pools,
        HospitalTime time)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        var reserve = RequestValidation.ToReserveRequest(request, http.Headers[FieldRules.IdempotencyKeyHeader], errors);
        if (reserve is null) return BookingProblems.ValidationFailed(errors);

        // Most of the 08:00 crowd arrives after the numbers are gone: a sold-out pool answers them
        // from its committed state, before any patient is loaded or any turn is queued.
        ReserveOutcome outcome;
        if (pools.GetSlotPool(poolId).AnswerWithoutDeciding(reserve) is { } early)
            outcome = early;
        // Otherwise through the patient: its limits are decided together with the pool's answer.
        else switch (await patients.GetPatient(reserve.PatientId).ReserveAsync(poolId, reserve))
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
                if (reserved.Replayed) response.Headers[ReplayedHeader] = "true";
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
        string reservationId, ISlotPoolGrainFactory pools, IReservationIndex index, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (FieldRules.CheckReservationId(errors, reservationId) is not { } id) return BookingProblems.ValidationFailed(errors);

        if (await index.FindPoolIdAsync(id, cancellationToken) is not { } poolId
            || await pools.GetSlotPool(poolId).GetReservationAsync(id) is not { } reservation)
            return BookingProblems.ReservationNotFound(reservationId);
        return TypedResults.Ok(ReservationResponse.From(reservation, time));
    }

    public static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> CancelReservation(
        string reservationId, ISlotPoolGrainFactory pools, IPatientGrainFactory patients, IReservationIndex index, HospitalTime time,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (FieldRules.CheckReservationId(errors, reservationId) is not { } id) return BookingProblems.ValidationFailed(errors);

        if (await index.FindPoolIdAsync(id, cancellationToken) is not { } poolId) return BookingProblems.ReservationNotFound(reservationId);
        var outcome = await pools.GetSlotPool(poolId).CancelAsync(id, CancellationReason.PatientRequest);
        if (outcome is CancelOutcome.Cancelled { Reservation: var gone })
        {
            try
            {
                await patients.GetPatient(gone.PatientId).ReservationCancelledAsync(gone.ReservationId);
            }
            catch (GrainUnavailableException)
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
