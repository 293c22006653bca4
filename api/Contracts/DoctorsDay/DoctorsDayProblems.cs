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

    /// <summary>A move refused by the clock (<see cref="DoctorsDayHours"/>), with the instant it opens or closed in the hospital's offset.</summary>
    public static ProblemHttpResult OutsideHours(ReservationStatusOutcome refusal, HospitalTime time) => refusal switch
    {
        ReservationStatusOutcome.TooEarly early => BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.TooEarly,
            "Too early for that.",
            $"A reservation can become {FieldRules.WireName(early.To)} from {time.ToLocal(early.OpensAt):O}.",
            ("to", FieldRules.WireName(early.To)), ("opensAt", time.ToLocal(early.OpensAt))),
        ReservationStatusOutcome.VisitDayOver over => BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.VisitDayOver,
            "The visit day is over.",
            $"A reservation could become {FieldRules.WireName(over.To)} only until {time.ToLocal(over.ClosedAt):O}.",
            ("to", FieldRules.WireName(over.To)), ("closedAt", time.ToLocal(over.ClosedAt))),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "Not a refusal by the clock."),
    };

    public static ProblemHttpResult NotANoShow(ReservationStatus status) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.NotANoShow, "The reservation is not a no-show.",
            $"Only a no-show can be withdrawn; this reservation is {FieldRules.WireName(status)}.", ("reservationStatus", FieldRules.WireName(status)));

    public static ProblemHttpResult NobodyWaiting(string poolId) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.NobodyWaiting, "Nobody is waiting.",
            $"No patient of pool '{poolId}' has checked in and is waiting to be called.", ("poolId", poolId));

    public static ProblemHttpResult ReservationNotInPool(string poolId, string reservationId) =>
        BookingProblems.Problem(StatusCodes.Status404NotFound, ProblemCodes.ReservationNotFound, "No such reservation.",
            $"Pool '{poolId}' has no reservation '{reservationId}'.", ("poolId", poolId), ("reservationId", reservationId));
}
