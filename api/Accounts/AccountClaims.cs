using System.Security.Claims;

namespace OrleansBooking.Api.Accounts;

/// <summary>
/// What a signed-in caller's token says about them. Every part of the API that needs "who is
/// asking" (authorisation, ownership checks, rate limits, the audit log) reads it through here.
/// </summary>
public static class AccountClaims
{
    public const string AccountId = ClaimTypes.NameIdentifier;
    public const string Role = ClaimTypes.Role;
    /// <summary>The catalogue doctor a doctor account speaks for.</summary>
    public const string DoctorId = "doctor_id";
    /// <summary>One sign-in: refreshing keeps it, signing out revokes it.</summary>
    public const string SessionId = "sid";
    /// <summary>Which refresh token of the session this is: each refresh issues a new one and retires the old.</summary>
    public const string RefreshId = "rid";

    /// <summary>The signed-in account, or null for an anonymous caller.</summary>
    public static string? AccountIdOf(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(AccountId) : null;

    public static string? RoleOf(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(Role) : null;

    public static string? DoctorIdOf(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(DoctorId) : null;

    public static string? SessionIdOf(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(SessionId) : null;

    public static string? RefreshIdOf(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(RefreshId) : null;
}

/// <summary>The three kinds of account.</summary>
public static class AccountRoles
{
    public const string Patient = "patient";
    public const string Doctor = "doctor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Patient, Doctor, Admin];
}
