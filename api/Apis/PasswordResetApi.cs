using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Contracts.Accounts;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.RateLimiting;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Apis;

/// <summary>A patient who forgot their password sets a new one with a code sent to their mobile number.</summary>
public static class PasswordResetApi
{
    public static IEndpointRouteBuilder MapPasswordResetApi(this IEndpointRouteBuilder app)
    {
        var anonymous = app.MapGroup("/api/auth").WithTags(AuthApi.Tag).AllowAnonymous().AuditAllOutcomes();

        anonymous.MapPost("/password-reset-codes", SendPasswordResetCode)
            .WithName(nameof(SendPasswordResetCode))
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Send a password-reset code to a patient account's mobile number")
            .WithDescription("A number without a patient account gets the same answer (and no message). Staff passwords are reset by an admin.")
            .ProducesCodeSendingProblems();

        anonymous.MapPost("/password-reset", ResetPassword)
            .WithName(nameof(ResetPassword))
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Set a new password with the reset code sent to the mobile number")
            .WithDescription("Every session of the account is signed out, and its lockouts are lifted.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, AccountProblems.InvalidCode)
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Results<Accepted<CodeSentResponse>, ProblemHttpResult>> SendPasswordResetCode(
        SendCodeRequest request, AccountCredentials credentials, HttpResponse response, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        CredentialRules.CheckMobile(errors, "mobile", request.Mobile);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        AuditDetail.Set(response.HttpContext, "mobile " + PhoneMasking.Mask(request.Mobile!));
        return AuthApi.CodeAnswer(await credentials.SendResetCodeAsync(request.Mobile!, cancellationToken), response, clock);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ResetPassword(
        PasswordResetRequest request, AccountCredentials credentials, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        CredentialRules.CheckMobile(errors, "mobile", request.Mobile);
        CredentialRules.CheckCode(errors, request.Code);
        CredentialRules.CheckPassword(errors, "password", request.Password);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        AuditDetail.Set(http, "mobile " + PhoneMasking.Mask(request.Mobile!));
        return await credentials.ResetPasswordAsync(request.Mobile!, request.Code!, request.Password!, cancellationToken)
            ? TypedResults.NoContent()
            : AccountProblems.WrongCode();
    }
}
