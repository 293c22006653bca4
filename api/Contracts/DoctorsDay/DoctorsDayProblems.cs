using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Contracts.DoctorsDay;

/// <summary>The refusals of the doctor's day, as problems with a stable <c>code</c>.</summary>
public static class DoctorsDayProblems
{
    public static ProblemHttpResult InvalidTransition(ReservationStatus from, ReservationStatus to) =>
        Problem(StatusCodes.Status409Conflict, ProblemCodes.InvalidTransition, "The reservation cannot move to that status.",
            $"A reservation that is {FieldRules.WireName(from)} cannot become {FieldRules.WireName(to)}.",
            ("from", FieldRules.WireName(from)), ("to", FieldRules.WireName(to)));

    public static ProblemHttpResult NobodyWaiting(string poolId) =>
        Problem(StatusCodes.Status409Conflict, ProblemCodes.NobodyWaiting, "Nobody is waiting.",
            $"No patient of pool '{poolId}' has checked in and is waiting to be called.", ("poolId", poolId));

    public static ProblemHttpResult ReservationNotInPool(string poolId, string reservationId) =>
        Problem(StatusCodes.Status404NotFound, ProblemCodes.ReservationNotFound, "No such reservation.",
            $"Pool '{poolId}' has no reservation '{reservationId}'.", ("poolId", poolId), ("reservationId", reservationId));

    private static ProblemHttpResult Problem(int status, string code, string title, string detail, params (string Key, object Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { [BookingProblems.CodeKey] = code } };
        foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return TypedResults.Problem(problem);
    }
}
