using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Problems;

namespace OrleansBooking.Api.Contracts.Accounts;

/// <summary>The refusals of sign-in and accounts, as <c>application/problem+json</c> with a stable <c>code</c>.</summary>
public static class AccountProblems
{
    public const string InvalidCredentials = "invalid_credentials";
    public const string AccountLocked = "account_locked";
    public const string CodeTooSoon = "code_too_soon";
    public const string InvalidCode = "invalid_code";
    public const string LoginTaken = "login_taken";
    public const string InvalidRefreshToken = "invalid_refresh_token";
    public const string AccountNotFound = "account_not_found";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string AccountDisabled = "account_disabled";
    /// <summary>A doctor account whose catalogue doctor the hospital deactivated: no sign-in, refresh or session.</summary>
    public const string DoctorDeactivated = "doctor_deactivated";
    public const string WrongPassword = "wrong_password";
    public const string NotStaff = "not_staff";
    public const string OwnAccount = "own_account";

    /// <summary>The same answer for an unknown login and a wrong password.</summary>
    public static ProblemHttpResult WrongCredentials() =>
        BookingProblems.Problem(StatusCodes.Status401Unauthorized, InvalidCredentials, "Sign-in failed.", "The login or the password (or code) is wrong.");

    public static ProblemHttpResult Locked(HttpResponse response, DateTimeOffset until, DateTimeOffset now)
    {
        RetryAfter(response, until - now);
        return BookingProblems.Problem(StatusCodes.Status423Locked, AccountLocked, "Password sign-in from this address is locked after repeated wrong passwords.",
            "Try again once lockedUntil has passed, or sign in with a code sent to the phone.", ("lockedUntil", until));
    }

    public static ProblemHttpResult TooSoon(HttpResponse response, DateTimeOffset retryAt, DateTimeOffset now)
    {
        RetryAfter(response, retryAt - now);
        return BookingProblems.Problem(StatusCodes.Status429TooManyRequests, CodeTooSoon, "A code was sent moments ago.",
            "A new code can be sent from retryAt on.", ("retryAt", retryAt));
    }

    public static ProblemHttpResult WrongCode() =>
        BookingProblems.Problem(StatusCodes.Status400BadRequest, InvalidCode, "The code is wrong or has expired.", "Ask for a new code.");

    public static ProblemHttpResult Taken() =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, LoginTaken, "That login has an account already.", "Sign in instead, or choose another login.");

    public static ProblemHttpResult BadRefreshToken() =>
        BookingProblems.Problem(StatusCodes.Status401Unauthorized, InvalidRefreshToken, "The refresh token is not valid.",
            "It expired, was signed out, or was never issued. Sign in again.");

    public static ProblemHttpResult NoAccount(string accountId) =>
        BookingProblems.Problem(StatusCodes.Status404NotFound, AccountNotFound, "No such account.", $"Account '{accountId}' does not exist.", ("accountId", accountId));

    public static ProblemHttpResult AccountIsDisabled() =>
        BookingProblems.Problem(StatusCodes.Status403Forbidden, AccountDisabled, "The account is disabled.", "Ask the hospital to enable it again.");

    public static ProblemHttpResult PasswordIsWrong() =>
        BookingProblems.Problem(StatusCodes.Status400BadRequest, WrongPassword, "The current password is wrong.", "Nothing was changed.",
            ("errors", new Dictionary<string, string[]> { ["currentPassword"] = ["currentPassword is not the account's password."] }));

    public static ProblemHttpResult PatientAccount(string accountId) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, NotStaff, "A patient resets their own password.",
            "Patient accounts reset their password with a code sent to their phone (POST /api/auth/password-reset).", ("accountId", accountId));

    public static ProblemHttpResult YourOwnAccount() =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, OwnAccount, "An admin cannot disable their own account.", "Ask another admin.");

    public static ProblemHttpResult DoctorIsDeactivated(string doctorId) =>
        BookingProblems.Problem(StatusCodes.Status403Forbidden, DoctorDeactivated, "The doctor is deactivated.",
            "The hospital deactivated the doctor this account speaks for; an admin reactivates the doctor.", ("doctorId", doctorId));

    public static ProblemHttpResult NotYourSession() =>
        BookingProblems.Problem(StatusCodes.Status403Forbidden, Forbidden, "Not your session.", "A doctor sees and runs only their own sessions.");

    private static void RetryAfter(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
