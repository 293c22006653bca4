using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.Contracts.Patients;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Api.Apis;

/// <summary>
/// Patients as the signed-in account that manages them sees them (family members: at most
/// Booking:Limits:PatientsPerAccount). Reads are SQL, never grains.
/// </summary>
public static class AccountPatientsApi
{
    public static IEndpointRouteBuilder MapAccountPatientsApi(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/api/account/patients").WithTags("Patients").AddEndpointFilter<GrainFaultFilter>()
            .RequireAuthorization(AccessPolicies.Patient);

        own.MapPost("/", RegisterPatient)
            .WithName(nameof(RegisterPatient))
            .WithSummary("Register a patient the account manages")
            .WithDescription("Real-name data: the resident ID's check character is verified and birth date and sex are taken from it. "
                + "One account manages at most Booking:Limits:PatientsPerAccount patients (default 5).")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.PatientExists, ProblemCodes.AccountFull)
            .ProducesRetryLater();

        own.MapGet("/", ListAccountPatients)
            .WithName(nameof(ListAccountPatients))
            .WithSummary("List the account's patients")
            .WithDescription("Resident ID and phone are masked.")
            .ProducesRetryLater();

        own.MapGet("/{patientId}", GetAccountPatient)
            .WithName(nameof(GetAccountPatient))
            .WithSummary("Get one of the account's patients in full")
            .WithDescription("The owner's own view: resident ID and phone in full. Another account's patient is not found.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PatientNotFound)
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Results<Created<PatientResponse>, ProblemHttpResult>> RegisterPatient(
        ClaimsPrincipal user, RegisterPatientRequest request, IPatientDirectory directory, IOptions<PatientLimits> limits,
        HospitalTime time, CancellationToken cancellationToken)
    {
        var accountId = user.AccountIdOf()!;
        var errors = new RequestErrors();
        var profile = PatientsValidation.ToProfile(accountId, request, () => "pt-" + Guid.NewGuid().ToString("N"), time, errors);
        if (profile is null) return BookingProblems.ValidationFailed(errors);

        return await directory.RegisterAsync(profile, limits.Value.PatientsPerAccount, cancellationToken) switch
        {
            RegisterOutcome.Registered registered => TypedResults.Created(
                $"/api/account/patients/{registered.Profile.PatientId}",
                PatientResponse.From(new PatientRecord(registered.Profile, null), time, masked: false)),
            RegisterOutcome.PatientExists exists => PatientProblems.PatientExists(exists.PatientId),
            RegisterOutcome.AccountFull full => PatientProblems.AccountFull(full.Allowed),
            var other => throw new System.Diagnostics.UnreachableException($"Unknown register outcome {other}."),
        };
    }

    public static async Task<Ok<PatientResponse[]>> ListAccountPatients(
        ClaimsPrincipal user, IPatientDirectory directory, HospitalTime time, CancellationToken cancellationToken)
    {
        var records = await directory.ListByAccountAsync(user.AccountIdOf()!, cancellationToken);
        return TypedResults.Ok(records.Select(r => PatientResponse.From(r, time, masked: true)).ToArray());
    }

    public static async Task<Results<Ok<PatientResponse>, ProblemHttpResult>> GetAccountPatient(
        ClaimsPrincipal user, string patientId, IPatientDirectory directory, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "patientId", patientId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        // Another account's patient answers exactly like a missing one: its existence is not the caller's business.
        if (await directory.FindAsync(patientId, cancellationToken) is not { } record || record.Profile.AccountId != user.AccountIdOf())
            return PatientProblems.PatientNotFound(patientId);
        return TypedResults.Ok(PatientResponse.From(record, time, masked: false));
    }
}
