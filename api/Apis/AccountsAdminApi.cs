using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Contracts.Accounts;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Catalogue;

namespace OrleansBooking.Api.Apis;

/// <summary>
/// Running accounts: admins make staff accounts (doctors, each linked to a catalogue doctor, and
/// other admins), list every account, unlock, disable and enable one, sign all its sessions out,
/// and set a staff password.
/// </summary>
public static class AccountsAdminApi
{
    public static IEndpointRouteBuilder MapAccountsAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/accounts").WithTags("Admin").RequireAuthorization(AccessPolicies.Admin).AuditRefusals();

        api.MapPost("/", CreateStaffAccount)
            .WithName(nameof(CreateStaffAccount))
            .WithSummary("Create a doctor or admin account")
            .WithDescription("role: doctor (doctorId names the catalogue doctor whose sessions the account sees and runs) or admin. "
                + "Patients open their own accounts (POST /api/auth/register).")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, CatalogueProblems.DoctorNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, AccountProblems.LoginTaken)
            .ProducesRetryLater();

        api.MapGet("/", ListAccounts)
            .WithName(nameof(ListAccounts))
            .WithSummary("List accounts in id order (mobile-number logins masked)")
            .WithDescription($"role: patient, doctor or admin (all when absent). Pages: after = the last accountId of the previous page. "
                + $"limit: 1–{MaxListLimit}, default {DefaultListLimit}.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
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

        api.MapPost("/{accountId}/disable", DisableAccount)
            .WithName(nameof(DisableAccount))
            .WithSummary("Disable an account: it cannot sign in or refresh, and every session of it is signed out")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, AccountProblems.AccountNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, AccountProblems.OwnAccount)
            .ProducesRetryLater();

        api.MapPost("/{accountId}/enable", EnableAccount)
            .WithName(nameof(EnableAccount))
            .WithSummary("Enable a disabled account again")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, AccountProblems.AccountNotFound)
            .ProducesRetryLater();

        api.MapPost("/{accountId}/sign-out", SignOutAccount)
            .WithName(nameof(SignOutAccount))
            .WithSummary("Sign every session of an account out")
            .WithDescription("Takes effect at once on this server and within Booking:Accounts:RevocationPollSeconds on the others.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, AccountProblems.AccountNotFound)
            .ProducesRetryLater();

        api.MapPost("/{accountId}/password", SetStaffPassword)
            .WithName(nameof(SetStaffPassword))
            .WithSummary("Set a doctor's or admin's password (for one who forgot theirs)")
            .WithDescription("At least 12 characters, not among the common ones. Every session of the account is signed out and its lockouts lifted. "
                + "Patients reset their own password by SMS code.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, AccountProblems.AccountNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, AccountProblems.NotStaff)
            .ProducesRetryLater();

        return app;
    }

    public const int DefaultListLimit = 50;
    public const int MaxListLimit = 500;

    public static async Task<Results<Ok<AccountResponse[]>, ProblemHttpResult>> ListAccounts(
        string? role, string? after, int? limit, IAccountStore accounts, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (role is not null && !AccountRoles.All.Contains(role)) errors.Add("role", "role must be patient, doctor or admin.");
        if (after is not null) FieldRules.CheckId(errors, "after", after);
        FieldRules.CheckRange(errors, "limit", limit, 1, MaxListLimit, required: false);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var page = await accounts.ListAsync(role, after, limit ?? DefaultListLimit, cancellationToken);
        return TypedResults.Ok(page.Select(a => AccountResponse.From(a, masked: true)).ToArray());
    }

    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> DisableAccount(
        string accountId, ClaimsPrincipal user, IAccountStore accounts, AccountSessions sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "accountId", accountId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);
        if (accountId == user.AccountIdOf()) return AccountProblems.YourOwnAccount();
        if (await accounts.FindAsync(accountId, cancellationToken) is not { } account) return AccountProblems.NoAccount(accountId);

        if (account.DisabledAt is null) await accounts.SetDisabledAsync(accountId, clock.GetUtcNow(), cancellationToken);
        await sessions.EndAllAsync(accountId, keep: null, cancellationToken);
        return TypedResults.Ok(AccountResponse.From((await accounts.FindAsync(accountId, cancellationToken))!, masked: true));
    }

    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> EnableAccount(
        string accountId, IAccountStore accounts, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "accountId", accountId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);
        if (await accounts.FindAsync(accountId, cancellationToken) is null) return AccountProblems.NoAccount(accountId);

        await accounts.SetDisabledAsync(accountId, null, cancellationToken);
        return TypedResults.Ok(AccountResponse.From((await accounts.FindAsync(accountId, cancellationToken))!, masked: true));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SignOutAccount(
        string accountId, IAccountStore accounts, AccountSessions sessions, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "accountId", accountId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);
        if (await accounts.FindAsync(accountId, cancellationToken) is null) return AccountProblems.NoAccount(accountId);

        await sessions.EndAllAsync(accountId, keep: null, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SetStaffPassword(
        string accountId, SetPasswordRequest request, IAccountStore accounts, AccountCredentials credentials, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "accountId", accountId);
        CredentialRules.CheckStaffPassword(errors, "password", request.Password);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);
        if (await accounts.FindAsync(accountId, cancellationToken) is not { } account) return AccountProblems.NoAccount(accountId);
        if (!account.IsStaff) return AccountProblems.PatientAccount(accountId);

        await credentials.SetStaffPasswordAsync(account, request.Password!, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> CreateStaffAccount(
        CreateStaffAccountRequest request, AccountRegistration registration, CatalogueDirectory catalogue, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (request.Role is not (AccountRoles.Doctor or AccountRoles.Admin)) errors.Add("role", "role must be doctor or admin.");
        CredentialRules.CheckUserName(errors, request.Login);
        CredentialRules.CheckStaffPassword(errors, "password", request.Password);
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
