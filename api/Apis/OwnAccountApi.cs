using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Contracts.Accounts;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Apis;

/// <summary>The signed-in account changes its own password (the first admin's too) and, for a patient, its mobile number.</summary>
public static class OwnAccountApi
{
    public static IEndpointRouteBuilder MapOwnAccountApi(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/api/auth/account").WithTags(AuthApi.Tag).AuditRefusals();

        own.MapPost("/password", ChangePassword)
            .WithName(nameof(ChangePassword))
            .RequireAuthorization(AccessPolicies.SignedIn)
            .WithSummary("Change the account's password")
            .WithDescription("The current password must be right; wrong ones count toward the address's lockout. Every other session of the "
                + "account is signed out; this one stays. Staff passwords: at least 12 characters, not among the common ones.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, AccountProblems.WrongPassword)
            .ProducesProblemCodes(StatusCodes.Status401Unauthorized, AccountProblems.Unauthenticated)
            .ProducesProblemCodes(StatusCodes.Status423Locked, AccountProblems.AccountLocked)
            .ProducesRetryLater();

        own.MapPost("/mobile-codes", SendMobileChangeCodes)
            .WithName(nameof(SendMobileChangeCodes))
            .RequireAuthorization(AccessPolicies.Patient)
            .WithSummary("Send codes to the current and the new mobile number, to move the account to the new one")
            .WithDescription("A new number that has an account is told so by SMS instead of getting a code; the answer is the same.")
            .ProducesCodeSendingProblems();

        own.MapPost("/mobile", ChangeMobile)
            .WithName(nameof(ChangeMobile))
            .RequireAuthorization(AccessPolicies.Patient)
            .WithSummary("Move the account to a new mobile number with both codes")
            .WithDescription("currentCode was sent to the account's number, newCode to the new one. The new number is the login from now on.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, AccountProblems.InvalidCode)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, AccountProblems.LoginTaken)
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal user, IAccountStore accounts, AccountCredentials credentials, HttpContext http,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (string.IsNullOrEmpty(request.CurrentPassword) || request.CurrentPassword.Length > CredentialRules.MaxPasswordLength)
            errors.Add("currentPassword", $"currentPassword is required (at most {CredentialRules.MaxPasswordLength} characters).");
        if (user.RoleOf() is AccountRoles.Patient) CredentialRules.CheckPassword(errors, "newPassword", request.NewPassword);
        else CredentialRules.CheckStaffPassword(errors, "newPassword", request.NewPassword);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var accountId = user.AccountIdOf()!;
        if (await accounts.FindAsync(accountId, cancellationToken) is not { } account) return AccountProblems.NoAccount(accountId);
        var client = SignInClient.Of(http.Connection.RemoteIpAddress);
        return await credentials.ChangePasswordAsync(account, request.CurrentPassword!, request.NewPassword!, client, user.SessionIdOf(), cancellationToken) switch
        {
            ChangePasswordOutcome.Changed => TypedResults.NoContent(),
            ChangePasswordOutcome.WrongPassword => AccountProblems.PasswordIsWrong(),
            ChangePasswordOutcome.Locked locked => AccountProblems.Locked(http.Response, locked.Until, clock.GetUtcNow()),
            var other => throw new System.Diagnostics.UnreachableException($"Unknown outcome {other}."),
        };
    }

    public static async Task<Results<Accepted<CodeSentResponse>, ProblemHttpResult>> SendMobileChangeCodes(
        SendCodeRequest request, ClaimsPrincipal user, IAccountStore accounts, AccountCredentials credentials, HttpResponse response,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        CredentialRules.CheckMobile(errors, "mobile", request.Mobile);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);
        var accountId = user.AccountIdOf()!;
        if (await accounts.FindAsync(accountId, cancellationToken) is not { } account) return AccountProblems.NoAccount(accountId);
        if (request.Mobile == account.Login)
        {
            errors.Add("mobile", "mobile is the account's number already.");
            return BookingProblems.ValidationFailed(errors);
        }

        AuditDetail.Set(response.HttpContext, "new mobile " + PhoneMasking.Mask(request.Mobile!));
        return AuthApi.CodeAnswer(await credentials.SendMobileChangeCodesAsync(account, request.Mobile!, cancellationToken), response, clock);
    }

    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> ChangeMobile(
        ChangeMobileRequest request, ClaimsPrincipal user, IAccountStore accounts, AccountCredentials credentials, HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        CredentialRules.CheckMobile(errors, "mobile", request.Mobile);
        CredentialRules.CheckCode(errors, request.CurrentCode, "currentCode");
        CredentialRules.CheckCode(errors, request.NewCode, "newCode");
        if (errors.Any) return BookingProblems.ValidationFailed(errors);
        var accountId = user.AccountIdOf()!;
        if (await accounts.FindAsync(accountId, cancellationToken) is not { } account) return AccountProblems.NoAccount(accountId);

        AuditDetail.Set(http, "new mobile " + PhoneMasking.Mask(request.Mobile!));
        return await credentials.ChangeMobileAsync(account, request.Mobile!, request.CurrentCode!, request.NewCode!, cancellationToken) switch
        {
            ChangeMobileOutcome.Changed changed => TypedResults.Ok(AccountResponse.From(changed.Account, masked: false)),
            ChangeMobileOutcome.CodeInvalid => AccountProblems.WrongCode(),
            ChangeMobileOutcome.LoginTaken => AccountProblems.Taken(),
            var other => throw new System.Diagnostics.UnreachableException($"Unknown outcome {other}."),
        };
    }
}
