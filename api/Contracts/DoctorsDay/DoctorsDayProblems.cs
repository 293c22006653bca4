using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Contracts.DoctorsDay;

/// <summary>The refusals of the doctor's day, as problems with a stable <c>code</c>.</summary>
public static class DoctorsDayProblems
{
    public static ProblemHttpResult InvalidTransition(ReservationStatus from, ReservationStatus to) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.InvalidTransition, "The reservation cannot move to that status.",
            $"A reservation that is {FieldRules.WireName(from)} cannot become {FieldRules.WireName(to)}.",
            ("from", FieldRules.WireName(from)), ("to", FieldRules.WireName(to)));

    public static ProblemHttpResult NobodyWaiting(string poolId) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.NobodyWaiting, "Nobody is waiting.",
            $"No patient of pool '{poolId}' has checked in and is waiting to be called.", ("poolId", poolId));

    public static ProblemHttpResult ReservationNotInPool(string poolId, string reservationId) =>
        BookingProblems.Problem(StatusCodes.Status404NotFound, ProblemCodes.ReservationNotFound, "No such reservation.",
            $"Pool '{poolId}' has no reservation '{reservationId}'.", ("poolId", poolId), ("reservationId", reservationId));
}
