using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Contracts.Accounts;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Catalogue;

namespace OrleansBooking.Api.Apis;

/// <summary>Staff accounts, made by admins: doctors (each linked to a catalogue doctor) and other admins; unlocking an account.</summary>
public static class AccountsAdminApi
{
    public static IEndpointRouteBuilder MapAccountsAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/accounts").WithTags("Admin").RequireAuthorization(AccessPolicies.Admin);

        api.MapPost("/", CreateStaffAccount)
            .WithName(nameof(CreateStaffAccount))
            .WithSummary("Create a doctor or admin account")
            .WithDescription("role: doctor (doctorId names the catalogue doctor whose sessions the account sees and runs) or admin. "
                + "Patients open their own accounts (POST /api/auth/register).")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, AccountProblems.LoginTaken)
            .ProducesRetryLater();

        api.MapGet("/{accountId}", GetAccount)
            .WithName(nameof(GetAccount))
            .WithSummary("Get an account (a mobile-number login masked)")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, AccountProblems.AccountNotFound)
            .ProducesRetryLater();

        api.MapPost("/{accountId}/unlock", UnlockAccount)
            .WithName(nameof(UnlockAccount))
            .WithSummary("Lift the account's password lockouts from every address and clear their failure counts")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, AccountProblems.AccountNotFound)
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> CreateStaffAccount(
        CreateStaffAccountRequest request, AccountRegistration registration, CatalogueDirectory catalogue, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (request.Role is not (AccountRoles.Doctor or AccountRoles.Admin)) errors.Add("role", "role must be doctor or admin.");
        CredentialRules.CheckUserName(errors, request.Login);
        CredentialRules.CheckPassword(errors, "password", request.Password);
        CredentialRules.CheckDisplayName(errors, request.DisplayName, required: true);
        if (request.Role == AccountRoles.Doctor) FieldRules.CheckId(errors, "doctorId", request.DoctorId);
        else if (request.DoctorId is not null) errors.Add("doctorId", "doctorId is only for doctor accounts.");
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        if (request.Role == AccountRoles.Doctor && !(await catalogue.GetAsync(cancellationToken)).DoctorsById.ContainsKey(request.DoctorId!))
            return CatalogueProblems.NoDoctor(request.DoctorId!);

        return await registration.CreateStaffAsync(request.Role!, request.Login!, request.Password!, request.DisplayName!.Trim(), request.DoctorId, cancellationToken) switch
        {
            RegistrationOutcome.Registered registered => TypedResults.Created(
                $"/api/admin/accounts/{registered.Account.AccountId}", AccountResponse.From(registered.Account, masked: true)),
            RegistrationOutcome.LoginTaken => AccountProblems.Taken(),
            var other => throw new System.Diagnostics.UnreachableException($"Unknown outcome {other}."),
        };
    }

    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAccount(
        string accountId, IAccountStore accounts, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "accountId", accountId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        return await accounts.FindAsync(accountId, cancellationToken) is { } account
            ? TypedResults.Ok(AccountResponse.From(account, masked: true))
            : AccountProblems.NoAccount(accountId);
    }

    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> UnlockAccount(
        string accountId, IAccountStore accounts, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "accountId", accountId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        if (await accounts.FindAsync(accountId, cancellationToken) is null) return AccountProblems.NoAccount(accountId);
        await accounts.ClearSignInFailuresAsync(accountId, client: null, cancellationToken);
        return TypedResults.Ok(AccountResponse.From((await accounts.FindAsync(accountId, cancellationToken))!, masked: true));
    }
}
