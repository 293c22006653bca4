using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Contracts.Accounts;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Patients;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.RateLimiting;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Apis;

/// <summary>
/// Opening a patient account, signing in (password or one-time code), refreshing and signing out.
/// A successful sign-in answers the in-box bearer token response: accessToken, expiresIn, refreshToken.
/// </summary>
public static class AuthApi
{
    public const string Tag = "Accounts";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        // Every attempt is audited, failures most of all (who tried which login, from where).
        var anonymous = app.MapGroup("/api/auth").WithTags(Tag).AllowAnonymous().AuditAllOutcomes();

        anonymous.MapPost("/registration-codes", SendRegistrationCode)
            .WithName(nameof(SendRegistrationCode))
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Send a code to a mobile number, to open a patient account with it")
            .WithDescription("One code per number per Booking:Accounts:CodeResendSeconds (default 60 s); it expires after CodeValidMinutes (default 5). "
                + "A number that has an account gets a message saying so instead of a code, and the answer is the same: "
                + "the route does not tell which numbers have accounts.")
            .ProducesCodeSendingProblems();

        anonymous.MapPost("/register", RegisterAccount)
            .WithName(nameof(RegisterAccount))
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Open a patient account with the code sent to the mobile number")
            .WithDescription("Then sign in with the mobile number and password, and register the account's patients.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, AccountProblems.InvalidCode)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, AccountProblems.LoginTaken)
            .ProducesRetryLater();

        anonymous.MapPost("/sign-in", SignIn)
            .WithName(nameof(SignIn))
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Sign in with a login and password")
            .WithDescription("Login: a patient's mobile number or a staff user name. Booking:Accounts:MaxFailedSignIns wrong passwords in a row "
                + "(default 5) from one client address lock the account for that address only: LockoutMinutes (default 15) the first time, twice as long "
                + "each time after, up to MaxLockoutMinutes (default 1440). Code sign-in is never locked by wrong passwords. "
                + "Answers accessToken (Authorization: Bearer …), expiresIn and refreshToken.")
            .Produces<AccessTokenResponse>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status401Unauthorized, AccountProblems.InvalidCredentials)
            .ProducesProblemCodes(StatusCodes.Status403Forbidden, AccountProblems.AccountDisabled, AccountProblems.DoctorDeactivated)
            .ProducesProblemCodes(StatusCodes.Status423Locked, AccountProblems.AccountLocked)
            .ProducesRetryLater();

        anonymous.MapPost("/sign-in-codes", SendSignInCode)
            .WithName(nameof(SendSignInCode))
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Send a sign-in code to a patient account's mobile number")
            .WithDescription("An unknown number gets the same answer (and no message), so the route does not tell which numbers have accounts.")
            .ProducesCodeSendingProblems();

        anonymous.MapPost("/sign-in/code", SignInWithCode)
            .WithName(nameof(SignInWithCode))
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Sign in with the code sent to the mobile number")
            .WithDescription("Works while wrong passwords have locked password sign-in: the code proves the phone.")
            .Produces<AccessTokenResponse>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status401Unauthorized, AccountProblems.InvalidCredentials)
            .ProducesProblemCodes(StatusCodes.Status403Forbidden, AccountProblems.AccountDisabled, AccountProblems.DoctorDeactivated)
            .ProducesRetryLater();

        anonymous.MapPost("/refresh", RefreshToken)
            .WithName(nameof(RefreshToken))
            .WithSummary("Exchange a refresh token for a new access token")
            .WithDescription("The session stays the same and the answer carries a new refresh token: the one sent is retired. "
                + "A retired refresh token sent again is taken for a stolen copy and signs the whole session out. A signed-out session's refresh token is refused.")
            .Produces<AccessTokenResponse>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status401Unauthorized, AccountProblems.InvalidRefreshToken)
            .ProducesRetryLater();

        var signedIn = app.MapGroup("/api/auth").WithTags(Tag).RequireAuthorization(AccessPolicies.SignedIn);

        signedIn.MapPost("/sign-out", SignOut)
            .WithName(nameof(SignOut))
            .WithSummary("Sign out: revoke this session's access and refresh tokens")
            .WithDescription("Takes effect at once on this server and within Booking:Accounts:RevocationPollSeconds (default 5) on the others.")
            .ProducesProblemCodes(StatusCodes.Status401Unauthorized, AccountProblems.Unauthenticated)
            .ProducesRetryLater();

        signedIn.MapGet("/account", GetOwnAccount)
            .WithName(nameof(GetOwnAccount))
            .WithSummary("The signed-in account")
            .ProducesProblemCodes(StatusCodes.Status401Unauthorized, AccountProblems.Unauthenticated)
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Results<Accepted<CodeSentResponse>, ProblemHttpResult>> SendRegistrationCode(
        SendCodeRequest request, AccountRegistration registration, HttpResponse response, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        CredentialRules.CheckMobile(errors, "mobile", request.Mobile);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        AuditDetail.Set(response.HttpContext, "mobile " + PhoneMasking.Mask(request.Mobile!));
        return CodeAnswer(await registration.SendCodeAsync(request.Mobile!, cancellationToken), response, clock);
    }

    public static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> RegisterAccount(
        RegisterAccountRequest request, AccountRegistration registration, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        CredentialRules.CheckMobile(errors, "mobile", request.Mobile);
        CredentialRules.CheckCode(errors, request.Code);
        CredentialRules.CheckPassword(errors, "password", request.Password);
        CredentialRules.CheckDisplayName(errors, request.DisplayName, required: false);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        AuditDetail.Set(http, "mobile " + PhoneMasking.Mask(request.Mobile!));
        return await registration.RegisterPatientAsync(request.Mobile!, request.Code!, request.Password!, request.DisplayName, cancellationToken) switch
        {
            RegistrationOutcome.Registered registered =>
                TypedResults.Created("/api/auth/account", AccountResponse.From(registered.Account, masked: false)),
            RegistrationOutcome.CodeInvalid => AccountProblems.WrongCode(),
            RegistrationOutcome.LoginTaken => AccountProblems.Taken(),
            var other => throw new System.Diagnostics.UnreachableException($"Unknown outcome {other}."),
        };
    }

    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> SignIn(
        SignInRequest request, AccountSignIn signIn, AccountSessions sessions, PatientsPreparedAtSignIn preparing, HttpResponse response,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        CredentialRules.CheckLogin(errors, request.Login);
        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > CredentialRules.MaxPasswordLength)
            errors.Add("password", $"password is required (at most {CredentialRules.MaxPasswordLength} characters).");
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        AuditDetail.Set(response.HttpContext, "login " + MaskedLogin(request.Login!));
        return await SignedInAsync(await signIn.WithPasswordAsync(request.Login!, request.Password!, SignInClient.Of(response.HttpContext.Connection.RemoteIpAddress), cancellationToken), sessions, preparing, response, clock, cancellationToken);
    }

    public static async Task<Results<Accepted<CodeSentResponse>, ProblemHttpResult>> SendSignInCode(
        SendCodeRequest request, AccountSignIn signIn, HttpResponse response, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        CredentialRules.CheckMobile(errors, "mobile", request.Mobile);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        AuditDetail.Set(response.HttpContext, "mobile " + PhoneMasking.Mask(request.Mobile!));
        return CodeAnswer(await signIn.SendCodeAsync(request.Mobile!, cancellationToken), response, clock);
    }

    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> SignInWithCode(
        CodeSignInRequest request, AccountSignIn signIn, AccountSessions sessions, PatientsPreparedAtSignIn preparing, HttpResponse response,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        CredentialRules.CheckMobile(errors, "mobile", request.Mobile);
        CredentialRules.CheckCode(errors, request.Code);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        AuditDetail.Set(response.HttpContext, "mobile " + PhoneMasking.Mask(request.Mobile!));
        return await SignedInAsync(await signIn.WithCodeAsync(request.Mobile!, request.Code!, SignInClient.Of(response.HttpContext.Connection.RemoteIpAddress), cancellationToken), sessions, preparing, response, clock, cancellationToken);
    }

    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshToken(
        RefreshRequest request, AccountSessions sessions, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (string.IsNullOrEmpty(request.RefreshToken) || request.RefreshToken.Length > 4096)
            errors.Add("refreshToken", "refreshToken is required (as issued at sign-in).");
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        switch (await sessions.RefreshAsync(request.RefreshToken!, cancellationToken))
        {
            case RefreshOutcome.Refreshed refreshed:
                return TypedResults.SignIn(refreshed.Principal, authenticationScheme: AccountSessions.Scheme);
            case RefreshOutcome.Reused:
                AuditDetail.Set(http, "refresh token reused: session revoked");
                return AccountProblems.BadRefreshToken();
            default:
                return AccountProblems.BadRefreshToken();
        }
    }

    public static async Task<NoContent> SignOut(HttpContext context, AccountSessions sessions, CancellationToken cancellationToken)
    {
        await sessions.SignOutAsync(context.User, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetOwnAccount(
        HttpContext context, IAccountStore accounts, CancellationToken cancellationToken)
    {
        var accountId = context.User.AccountIdOf()!;
        return await accounts.FindAsync(accountId, cancellationToken) is { } account
            ? TypedResults.Ok(AccountResponse.From(account, masked: false))
            : AccountProblems.NoAccount(accountId);
    }

    // A staff user name is no secret; a patient's login is their phone number, masked.
    private static string MaskedLogin(string login) => CredentialRules.IsMobile(login) ? PhoneMasking.Mask(login) : login;

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> SignedInAsync(
        SignInOutcome outcome, AccountSessions sessions, PatientsPreparedAtSignIn preparing, HttpResponse response, TimeProvider clock,
        CancellationToken cancellationToken) => outcome switch
    {
        SignInOutcome.SignedIn signedIn => TypedResults.SignIn(
            await StartAsync(signedIn.Account, sessions, preparing, cancellationToken), authenticationScheme: AccountSessions.Scheme),
        SignInOutcome.Locked locked => AccountProblems.Locked(response, locked.Until, clock.GetUtcNow()),
        SignInOutcome.Disabled => AccountProblems.AccountIsDisabled(),
        SignInOutcome.DoctorRetired retired => AccountProblems.DoctorIsDeactivated(retired.DoctorId),
        SignInOutcome.InvalidCredentials => AccountProblems.WrongCredentials(),
        var other => throw new System.Diagnostics.UnreachableException($"Unknown outcome {other}."),
    };

    // A patient who signs in is about to book: their grains are loaded now, not at the release.
    private static async Task<System.Security.Claims.ClaimsPrincipal> StartAsync(
        Account account, AccountSessions sessions, PatientsPreparedAtSignIn preparing, CancellationToken cancellationToken)
    {
        var principal = await sessions.StartAsync(account, cancellationToken);
        if (!account.IsStaff) preparing.SignedIn(account.AccountId);
        return principal;
    }

    internal static Results<Accepted<CodeSentResponse>, ProblemHttpResult> CodeAnswer(CodeSendOutcome outcome, HttpResponse response, TimeProvider clock) =>
        outcome switch
        {
            CodeSendOutcome.Sent sent => TypedResults.Accepted((string?)null, new CodeSentResponse(sent.ExpiresAt)),
            CodeSendOutcome.TooSoon tooSoon => AccountProblems.TooSoon(response, tooSoon.RetryAt, clock.GetUtcNow()),
            var other => throw new System.Diagnostics.UnreachableException($"Unknown outcome {other}."),
        };
}
