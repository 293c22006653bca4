using System.Diagnostics;
using System.Security.Claims;
using OrleansBooking.Api.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.Patients;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Payments;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Apis;

/// <summary>One reservation: reading and cancelling it (numbers are taken in their pool, see <see cref="PoolsApi"/>).</summary>
public static class ReservationsApi
{
    public static IEndpointRouteBuilder MapReservationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reservations").WithTags("Reservations").AddEndpointFilter<GrainFaultFilter>();

        api.MapGet("/{reservationId}", GetReservation)
            .RequireAuthorization(AccessPolicies.AnyRole)
            .WithName(nameof(GetReservation))
            .WithSummary("Get a reservation")
            .WithDescription("The patient's account, the session's doctor or an admin; anyone else gets reservation_not_found, as for a missing one.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.ReservationNotFound)
            .ProducesRetryLater();

        api.MapDelete("/{reservationId}", CancelReservation)
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

    public static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> GetReservation(
        string reservationId, ClaimsPrincipal user, ISlotPoolGrainFactory pools, IReservationIndex index, IPatientDirectory directory,
        IPaymentLedger ledger, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (FieldRules.CheckReservationId(errors, reservationId) is not { } id) return BookingProblems.ValidationFailed(errors);

        return await FindVisibleAsync(id, user, pools, index, directory, cancellationToken) is ({ } reservation, _)
            ? TypedResults.Ok(ReservationResponse.From(reservation, time, await ledger.RefundOfAsync(reservation, cancellationToken)))
            : BookingProblems.ReservationNotFound(reservationId);
    }

    /// <summary>The reservation and its pool when it exists and the caller may see it; (null, null) for both "missing" and "not yours", alike.</summary>
    internal static async Task<(Reservation?, ISlotPoolGrain?)> FindVisibleAsync(
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
        IPatientDirectory directory, IPaymentLedger ledger, HospitalTime time, CancellationToken cancellationToken)
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
        var refund = outcome is CancelOutcome.Cancelled { Reservation.WasPaid: true } paid
            ? await ledger.OpenRefundAsync(paid.Reservation, time.Now, cancellationToken)
            : null;
        return outcome switch
        {
            CancelOutcome.Cancelled cancelled => TypedResults.Ok(ReservationResponse.From(cancelled.Reservation, time, refund)),
            CancelOutcome.CancellationClosed closed => BookingProblems.CancellationClosed(time.ToLocal(closed.Deadline)),
            CancelOutcome.NotCancellable notCancellable => BookingProblems.NotCancellable(notCancellable.Status),
            CancelOutcome.ReservationNotFound => BookingProblems.ReservationNotFound(reservationId),
            _ => throw new UnreachableException($"Unknown cancel outcome {outcome}."),
        };
    }
}
