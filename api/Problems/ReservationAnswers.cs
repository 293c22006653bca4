using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Api.Answers;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.Patients;
using OrleansBooking.Api.Contracts.Waitlist;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Problems;

/// <summary>
/// A reservation attempt's answer as HTTP, shared by taking a number and accepting a waitlist
/// offer (which is a reservation too): 201 with the reservation, or the refusal's problem.
/// </summary>
public static class ReservationAnswers
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The patient grain's own refusal as a problem, or null when the pool decided (then <paramref name="pool"/> is its answer).</summary>
    public static ProblemHttpResult? PatientRefusal(PatientReserveOutcome decision, string patientId, HospitalTime time, out ReserveOutcome? pool)
    {
        pool = (decision as PatientReserveOutcome.Decided)?.Pool;
        return decision switch
        {
            PatientReserveOutcome.Decided => null,
            PatientReserveOutcome.PatientNotFound => PatientProblems.PatientNotFound(patientId),
            PatientReserveOutcome.LimitReached reached => PatientProblems.LimitReached(reached.Limit, reached.Allowed),
            PatientReserveOutcome.Suspended suspended => PatientProblems.PatientSuspended(time.ToLocal(suspended.Until)),
            _ => throw new UnreachableException($"Unknown patient outcome {decision}."),
        };
    }

    public static Results<Created<ReservationResponse>, Accepted<LotteryEntryResponse>, ProblemHttpResult, SoldOutAnswer> From(string poolId, ReserveOutcome outcome, HttpContext http, HospitalTime time)
    {
        switch (outcome)
        {
            case ReserveOutcome.Reserved reserved:
                if (reserved.Replayed) http.Response.Headers[ReplayedHeader] = "true";
                var reservation = reserved.Reservation;
                return TypedResults.Created($"/api/reservations/{reservation.ReservationId}", ReservationResponse.From(reservation, time));
            case ReserveOutcome.Entered entered:
                // Not a reservation: an entry in the draw, answered once durable, with no number.
                return TypedResults.Accepted($"/api/pools/{poolId}", new LotteryEntryResponse(
                    poolId, entered.Entry.PatientId, LotteryEntryResponse.Entered, time.ToLocal(entered.Entry.EnteredAt), time.ToLocal(entered.DrawAt)));
            case ReserveOutcome.SoldOut:
                // The answer most of a rush gets: from bytes prepared once per pool.
                return http.RequestServices.GetRequiredService<SoldOutAnswers>().For(poolId);
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
            case ReserveOutcome.OfferExpired:
                return WaitlistProblems.OfferExpired(poolId);
            case ReserveOutcome.NoOffer:
                return WaitlistProblems.OfferNotFound(poolId);
            default:
                throw new UnreachableException($"Unknown reserve outcome {outcome}.");
        }
    }
}
