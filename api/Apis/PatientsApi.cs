using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Contracts.Patients;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Payments;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Api.Apis;

/// <summary>A patient's appointments, for the account that manages the patient or an admin. Reads are SQL, never grains.</summary>
public static class PatientsApi
{
    public static IEndpointRouteBuilder MapPatientsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/patients").WithTags("Patients").AddEndpointFilter<GrainFaultFilter>()
            .RequireAuthorization(AccessPolicies.PatientOrAdmin)
            .MapGet("/{patientId}/appointments", ListAppointments)
            .WithName(nameof(ListAppointments))
            .WithSummary("List a patient's appointments")
            .WithDescription("scope=upcoming (default: held numbers from today on, soonest first) or scope=past "
                + "(earlier days, completed, missed or cancelled; latest first), with status and estimated visit time.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PatientNotFound)
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Results<Ok<AppointmentResponse[]>, ProblemHttpResult>> ListAppointments(
        string patientId, string? scope, ClaimsPrincipal user, IPatientDirectory directory, IPaymentLedger ledger, HospitalTime time,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "patientId", patientId);
        var which = PatientsValidation.ToScope(scope, errors);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        // Another account's patient answers exactly like a missing one.
        if (await directory.FindAsync(patientId, cancellationToken) is null || !await user.ManagesPatientAsync(patientId, directory, cancellationToken))
            return PatientProblems.PatientNotFound(patientId);
        var today = DateOnly.FromDateTime(time.ToLocal(time.Now).DateTime);
        var appointments = await directory.ListAppointmentsAsync(patientId, which!.Value, today, cancellationToken);
        var refunds = await ledger.RefundsOfPaidAsync(appointments.Select(a => a.Reservation).ToList(), cancellationToken);
        return TypedResults.Ok(appointments.Select(a => AppointmentResponse.From(a, time, refunds.GetValueOrDefault(a.Reservation.ReservationId))).ToArray());
    }
}
