using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Api.Contracts.Patients;

/// <summary>The refusals that concern patients, as <c>application/problem+json</c> with a stable <c>code</c>.</summary>
public static class PatientProblems
{
    public static ProblemHttpResult PatientNotFound(string patientId) =>
        BookingProblems.Problem(StatusCodes.Status404NotFound, ProblemCodes.PatientNotFound, "No such patient.",
            $"Patient '{patientId}' is not registered.", ("patientId", patientId));

    public static ProblemHttpResult PatientExists(string patientId) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.PatientExists, "The patient exists already.",
            $"Patient '{patientId}' was registered before.", ("patientId", patientId));

    public static ProblemHttpResult PatientHasBookings(string patientId, int held) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.PatientHasBookings, "The patient holds numbers still.",
            $"Patient '{patientId}' holds {held} number(s) today or later: cancel them before removing the patient.", ("patientId", patientId), ("held", held));

    public static ProblemHttpResult AccountFull(int allowed) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.AccountFull, "The account manages as many patients as it may.",
            $"One account may manage at most {allowed} patients.", ("allowed", allowed));

    public static ProblemHttpResult LimitReached(LimitKind limit, int allowed) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.LimitReached, "The patient has reached a booking limit.",
            $"Limit {FieldRules.WireName(limit)}: at most {allowed}.", ("limit", FieldRules.WireName(limit)), ("allowed", allowed));

    public static ProblemHttpResult PatientSuspended(DateTimeOffset until) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.PatientSuspended, "Booking is suspended for this patient.",
            $"Repeated no-shows suspended booking until {until:O}.", ("suspendedUntil", until));
}
