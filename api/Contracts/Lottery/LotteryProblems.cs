using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Problems;

namespace OrleansBooking.Api.Contracts.Lottery;

/// <summary>The refusals of the draw's routes, as <c>application/problem+json</c> with a stable <c>code</c>.</summary>
public static class LotteryProblems
{
    public static ProblemHttpResult PoolHasReservations(string poolId, int reservations) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.PoolHasReservations, "The pool has reservations.",
            $"Pool '{poolId}' has {reservations} reservation(s): how its numbers are given can no longer change.",
            ("poolId", poolId), ("reservations", reservations));

    public static ProblemHttpResult ReleasePassed(string poolId, DateTimeOffset releaseAt) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.ReleasePassed, "The pool is released.",
            $"Pool '{poolId}' was released at {releaseAt:O}: how its numbers are given can no longer change.",
            ("poolId", poolId), ("releaseAt", releaseAt));

    public static ProblemHttpResult NotALottery(string poolId) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.NotALottery, "The pool does not draw.",
            $"Pool '{poolId}' gives its numbers first come, first served: it has no draw to audit.", ("poolId", poolId));
}
