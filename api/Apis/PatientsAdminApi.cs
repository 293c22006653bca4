using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Contracts.Patients;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Patients;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.RequestLimits;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Api.Apis;

/// <summary>The hospital's side of patients: bulk registration for load tests (in load-test mode only), a masked look-up, lifting a suspension.</summary>
public static class PatientsAdminApi
{
    public static IEndpointRouteBuilder MapPatientsAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/patients").WithTags("Admin").AddEndpointFilter<GrainFaultFilter>().RequireAuthorization(AccessPolicies.Admin).AuditRefusals();

        api.MapPost("/bulk", RegisterPatientsInBulk)
            .WithName(nameof(RegisterPatientsInBulk))
            .AddEndpointFilter<LoadTestModeFilter>()
            .WithSummary("Register synthetic patients for a load test")
            .WithDescription("Only in load-test mode (Booking:LoadTest:Enabled=true; off by default): otherwise 404 load_test_mode_off. "
                + "Registers {patientIdPrefix}{first} … {patientIdPrefix}{first+count-1}, each with valid made-up "
                + "real-name data and an account of its own (no family cap). With a password, each account can sign in "
                + "(login = patient id). Existing ids are skipped, so a rerun is harmless.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, LoadTestModeFilter.LoadTestModeOff)
            .WithMetadata(new RequestSizeLimitAttribute(RequestLimitOptions.BulkRegistrationBodyBytes))
            .ProducesRetryLater();

        api.MapGet("/", SearchPatients)
            .WithName(nameof(SearchPatients))
            .WithSummary("Find patients (masked)")
            .WithDescription("search: a whole resident ID, a whole mobile number, a patient id, or the start of a name (1–"
                + $"{PatientSearchRules.MaxSearchLength} characters). Patients still managed by an account, by name; "
                + $"limit 1–{PatientSearchRules.MaxLimit}, default {PatientSearchRules.DefaultLimit}. Resident IDs and phones are masked.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesRetryLater();

        api.MapGet("/{patientId}", GetPatient)
            .WithName(nameof(GetPatient))
            .WithSummary("Get a patient (masked) with their suspension")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PatientNotFound)
            .ProducesRetryLater();

        api.MapDelete("/{patientId}/suspension", LiftSuspension)
            .WithName(nameof(LiftSuspension))
            .WithSummary("Lift a patient's no-show suspension")
            .WithDescription("The patient may book again at once. Lifting when there is no suspension answers 200 too.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PatientNotFound)
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Results<Ok<BulkRegistrationResponse>, ProblemHttpResult>> RegisterPatientsInBulk(
        BulkRegistrationRequest request, IPatientDirectory directory, AccountRegistration accounts, HospitalTime time,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (PatientsValidation.ToBulk(request, errors) is not { } bulk) return BookingProblems.ValidationFailed(errors);

        var now = time.Now;
        var profiles = Enumerable.Range(bulk.First, bulk.Count).Select(n => PatientsSyntheticProfiles.Profile(bulk.Prefix, n, now)).ToList();
        var registered = await directory.RegisterManyAsync(profiles, cancellationToken);
        var accountsCreated = request.Password is { } password
            ? await accounts.CreateSyntheticPatientsAsync(profiles.Select(p => p.AccountId), password, cancellationToken)
            : 0;
        return TypedResults.Ok(new BulkRegistrationResponse(bulk.Count, registered, bulk.Count - registered, accountsCreated));
    }

    public static async Task<Results<Ok<PatientResponse[]>, ProblemHttpResult>> SearchPatients(
        string? search, int? limit, IPatientDirectory directory, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var wanted = PatientSearchRules.ToSearch(errors, search);
        FieldRules.CheckRange(errors, "limit", limit, 1, PatientSearchRules.MaxLimit, required: false);
        if (errors.Any || wanted is null) return BookingProblems.ValidationFailed(errors);

        var found = await directory.SearchAsync(wanted, limit ?? PatientSearchRules.DefaultLimit, cancellationToken);
        return TypedResults.Ok(found.Select(r => PatientResponse.From(r, time, masked: true)).ToArray());
    }

    public static async Task<Results<Ok<PatientResponse>, ProblemHttpResult>> GetPatient(
        string patientId, IPatientDirectory directory, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "patientId", patientId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        if (await directory.FindAsync(patientId, cancellationToken) is not { } record) return PatientProblems.PatientNotFound(patientId);
        return TypedResults.Ok(PatientResponse.From(record, time, masked: true));
    }

    public static async Task<Results<Ok<PatientResponse>, ProblemHttpResult>> LiftSuspension(
        string patientId, IGrainFactory grains, IPatientDirectory directory, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "patientId", patientId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        if (await grains.GetGrain<IPatientGrain>(patientId).LiftSuspensionAsync() is LiftOutcome.PatientNotFound
            || await directory.FindAsync(patientId, cancellationToken) is not { } record)
            return PatientProblems.PatientNotFound(patientId);
        return TypedResults.Ok(PatientResponse.From(record, time, masked: true));
    }
}
