using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Contracts.Accounts;
using OrleansBooking.Api.Contracts.Patients;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Api.Apis;

/// <summary>
/// Patients as the signed-in account that manages them sees them (family members: at most
/// Booking:Limits:PatientsPerAccount). One patient per real person: registering someone who is a
/// patient here already sends a code to the phone on file, and only that code attaches them.
/// Reads are SQL; changes to a registered patient go through the patient grain.
/// </summary>
public static class AccountPatientsApi
{
    public static IEndpointRouteBuilder MapAccountPatientsApi(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/api/account/patients").WithTags("Patients").AddEndpointFilter<GrainFaultFilter>()
            .RequireAuthorization(AccessPolicies.Patient).AuditRefusals();

        own.MapPost("/", RegisterPatient)
            .WithName(nameof(RegisterPatient))
            .WithSummary("Register a patient the account manages")
            .WithDescription("Real-name data: the resident ID's region, birth date and check character are verified, and birth date and sex "
                + "are taken from it (a stated birthDate or sex must match). The service issues the patient id. A person who is a patient "
                + "here under another account is not registered twice: the answer is 202 verification_required and a code goes to the "
                + "phone on file (POST /api/account/patients/claims). The account's own patient answers 409 patient_exists. "
                + "One account manages at most Booking:Limits:PatientsPerAccount patients (default 5).")
            .Produces<PatientClaimResponse>(StatusCodes.Status202Accepted)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.PatientExists, ProblemCodes.AccountFull)
            .ProducesProblemCodes(StatusCodes.Status429TooManyRequests, AccountProblems.CodeTooSoon)
            .ProducesRetryLater();

        own.MapPost("/claims", ClaimPatient)
            .WithName(nameof(ClaimPatient))
            .WithSummary("Attach a registered person to the account with the code sent to their phone on file")
            .WithDescription("The code is bound to this account and this patient. The patient moves to this account with their bookings, "
                + "no-shows and any suspension; the account that managed them before no longer does.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, AccountProblems.InvalidCode)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.PatientExists, ProblemCodes.AccountFull)
            .ProducesRetryLater();

        own.MapPatch("/{patientId}", EditPatient)
            .WithName(nameof(EditPatient))
            .WithSummary("Correct a patient's name or phone")
            .WithDescription("Same rules as registration. The resident ID cannot change: a wrong one is removed and registered anew.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PatientNotFound)
            .ProducesRetryLater();

        own.MapDelete("/{patientId}", RemovePatient)
            .WithName(nameof(RemovePatient))
            .WithSummary("Stop managing a patient")
            .WithDescription("Refused with 409 patient_has_bookings while the patient holds a number today or later (cancel first). The "
                + "hospital keeps the record (past visits, no-shows, a suspension): registering the person again attaches the same patient.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PatientNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.PatientHasBookings)
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

    public static async Task<Results<Created<PatientResponse>, Accepted<PatientClaimResponse>, ProblemHttpResult>> RegisterPatient(
        ClaimsPrincipal user, RegisterPatientRequest request, IPatientDirectory directory, IOptions<PatientLimits> limits,
        OneTimeCodes codes, HttpResponse response, HospitalTime time, CancellationToken cancellationToken)
    {
        var accountId = user.AccountIdOf()!;
        var errors = new RequestErrors();
        var profile = PatientsValidation.ToProfile(accountId, request, () => "pt-" + Guid.NewGuid().ToString("N"), time, errors);
        if (profile is null) return BookingProblems.ValidationFailed(errors);

        switch (await directory.RegisterAsync(profile, limits.Value.PatientsPerAccount, cancellationToken))
        {
            case RegisterOutcome.Registered registered:
                return Created(registered.Profile, time);
            case RegisterOutcome.PatientExists exists:
                return PatientProblems.PatientExists(exists.PatientId);
            case RegisterOutcome.AccountFull full:
                return PatientProblems.AccountFull(full.Allowed);
            case RegisterOutcome.PersonOnFile { Patient: var onFile }:
                return await codes.SendAsync(onFile.Phone, CodePurpose.PatientClaim, cancellationToken, ClaimBinding(accountId, onFile)) switch
                {
                    CodeSendOutcome.Sent sent => TypedResults.Accepted("/api/account/patients/claims",
                        new PatientClaimResponse(PatientClaimResponse.VerificationRequired, PhoneMasking.Mask(onFile.Phone), time.ToLocal(sent.ExpiresAt))),
                    CodeSendOutcome.TooSoon tooSoon => AccountProblems.TooSoon(response, tooSoon.RetryAt, time.Now),
                    var other => throw new System.Diagnostics.UnreachableException($"Unknown send outcome {other}."),
                };
            case var other:
                throw new System.Diagnostics.UnreachableException($"Unknown register outcome {other}.");
        }
    }

    public static async Task<Results<Created<PatientResponse>, ProblemHttpResult>> ClaimPatient(
        ClaimsPrincipal user, ClaimPatientRequest request, IPatientDirectory directory, IGrainFactory grains, IOptions<PatientLimits> limits,
        OneTimeCodes codes, HospitalTime time, CancellationToken cancellationToken)
    {
        var accountId = user.AccountIdOf()!;
        var errors = new RequestErrors();
        if (PatientsValidation.ToClaim(request, time, errors) is not { } claim) return BookingProblems.ValidationFailed(errors);

        // An ID nobody registered answers like a wrong code: the claim route tells no more than registering does.
        if (await directory.FindOnFileAsync(claim.ResidentId.Value, cancellationToken) is not { } onFile) return AccountProblems.WrongCode();
        if (!onFile.Removed && onFile.AccountId == accountId) return PatientProblems.PatientExists(onFile.PatientId);
        if (!await codes.RedeemAsync(onFile.Phone, CodePurpose.PatientClaim, claim.Code, cancellationToken, ClaimBinding(accountId, onFile)))
            return AccountProblems.WrongCode();

        return await grains.GetGrain<IPatientGrain>(onFile.PatientId).AttachAsync(accountId, limits.Value.PatientsPerAccount) switch
        {
            PatientManagementOutcome.Done when await directory.FindAsync(onFile.PatientId, cancellationToken) is { } record =>
                Created(record.Profile, time, record.Suspension),
            PatientManagementOutcome.AccountFull full => PatientProblems.AccountFull(full.Allowed),
            _ => AccountProblems.WrongCode(),
        };
    }

    public static async Task<Results<Ok<PatientResponse>, ProblemHttpResult>> EditPatient(
        ClaimsPrincipal user, string patientId, EditPatientRequest request, IPatientDirectory directory, IGrainFactory grains,
        HospitalTime time, CancellationToken cancellationToken)
    {
        var accountId = user.AccountIdOf()!;
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "patientId", patientId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);
        if (await OwnPatientAsync(directory, patientId, accountId, cancellationToken) is not { } current) return PatientProblems.PatientNotFound(patientId);
        if (PatientsValidation.ToDetails(request, current.Profile, errors) is not { } details) return BookingProblems.ValidationFailed(errors);

        if (await grains.GetGrain<IPatientGrain>(patientId).EditAsync(accountId, details.Name, details.Phone) is not PatientManagementOutcome.Done
            || await OwnPatientAsync(directory, patientId, accountId, cancellationToken) is not { } edited)
            return PatientProblems.PatientNotFound(patientId);
        return TypedResults.Ok(PatientResponse.From(edited, time, masked: false));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemovePatient(
        ClaimsPrincipal user, string patientId, IGrainFactory grains, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "patientId", patientId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var today = DateOnly.FromDateTime(time.ToLocal(time.Now).DateTime);
        return await grains.GetGrain<IPatientGrain>(patientId).RemoveAsync(user.AccountIdOf()!, today) switch
        {
            PatientManagementOutcome.Done => TypedResults.NoContent(),
            PatientManagementOutcome.BookingsHeld held => PatientProblems.PatientHasBookings(patientId, held.Count),
            _ => PatientProblems.PatientNotFound(patientId),
        };
    }

    /// <summary>A claim's code is good for this account and this patient only.</summary>
    private static string ClaimBinding(string accountId, PatientOnFile patient) => $"{accountId}/{patient.PatientId}";

    private static Created<PatientResponse> Created(PatientProfile profile, HospitalTime time, Suspension? suspension = null) =>
        TypedResults.Created($"/api/account/patients/{profile.PatientId}", PatientResponse.From(new PatientRecord(profile, suspension), time, masked: false));

    // Another account's patient answers exactly like a missing one: its existence is not the caller's business.
    private static async Task<PatientRecord?> OwnPatientAsync(IPatientDirectory directory, string patientId, string accountId, CancellationToken cancellationToken) =>
        await directory.FindAsync(patientId, cancellationToken) is { } record && record.Profile.AccountId == accountId ? record : null;

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

        if (await OwnPatientAsync(directory, patientId, user.AccountIdOf()!, cancellationToken) is not { } record)
            return PatientProblems.PatientNotFound(patientId);
        return TypedResults.Ok(PatientResponse.From(record, time, masked: false));
    }
}
