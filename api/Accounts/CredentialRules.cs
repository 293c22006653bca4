using System.Text.RegularExpressions;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Accounts;

/// <summary>The shape of logins, passwords and codes, checked before any account is looked up.</summary>
public static partial class CredentialRules
{
    public const int MinPasswordLength = 8;
    /// <summary>Staff accounts see every patient's data: a longer password, and none a script tries first.</summary>
    public const int MinStaffPasswordLength = 12;
    public const int MaxPasswordLength = 128;
    public const int CodeDigits = 6;

    // A mainland mobile number: what patients sign in with and receive codes on.
    [GeneratedRegex("^1[3-9][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex MobilePattern();

    // Staff user names start with a letter, so one can never be mistaken for a mobile number.
    [GeneratedRegex("^[a-z][a-z0-9._-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    public static bool IsMobile(string? value) => value is not null && MobilePattern().IsMatch(value);

    public static bool IsUserName(string? value) => value is not null && UserNamePattern().IsMatch(value);

    public static void CheckMobile(RequestErrors errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) errors.Add(field, $"{field} is required.");
        else if (!IsMobile(value)) errors.Add(field, $"{field} must be a mainland mobile number: 11 digits, 1[3-9]xxxxxxxxx.");
    }

    /// <summary>A login is a mobile number or a staff user name.</summary>
    public static void CheckLogin(RequestErrors errors, string? value)
    {
        if (string.IsNullOrEmpty(value)) errors.Add("login", "login is required.");
        else if (!IsMobile(value) && !IsUserName(value))
            errors.Add("login", "login must be a mobile number or a user name (3–64 of a–z, 0–9, '.', '_', '-', starting with a letter).");
    }

    public static void CheckUserName(RequestErrors errors, string? value)
    {
        if (string.IsNullOrEmpty(value)) errors.Add("login", "login is required.");
        else if (!IsUserName(value)) errors.Add("login", "login must be 3–64 of a–z, 0–9, '.', '_', '-', starting with a letter.");
    }

    /// <summary>Only the length is ruled (and no control characters): long passphrases beat composition rules.</summary>
    public static void CheckPassword(RequestErrors errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) errors.Add(field, $"{field} is required.");
        else if (value.Length is < MinPasswordLength or > MaxPasswordLength)
            errors.Add(field, $"{field} must be {MinPasswordLength}–{MaxPasswordLength} characters.");
        else if (value.Any(char.IsControl)) errors.Add(field, $"{field} must not contain control characters.");
    }

    /// <summary>The patient rule, and at least <see cref="MinStaffPasswordLength"/> characters that are not in <see cref="CommonPasswords"/>.</summary>
    public static void CheckStaffPassword(RequestErrors errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxPasswordLength || value.Any(char.IsControl))
        {
            CheckPassword(errors, field, value);
            return;
        }
        if (value.Length < MinStaffPasswordLength) errors.Add(field, $"{field} of a staff account must be at least {MinStaffPasswordLength} characters.");
        else if (CommonPasswords.Contains(value)) errors.Add(field, $"{field} is among the passwords scripts try first: choose another.");
    }

    public const int MaxDisplayNameLength = 64;

    public static void CheckDisplayName(RequestErrors errors, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required || value is not null) errors.Add("displayName", "displayName is required.");
        }
        else if (value.Length > MaxDisplayNameLength || value.Any(char.IsControl))
            errors.Add("displayName", $"displayName must be 1–{MaxDisplayNameLength} characters without control characters.");
    }

    public static void CheckCode(RequestErrors errors, string? value, string field = "code")
    {
        if (string.IsNullOrEmpty(value)) errors.Add(field, $"{field} is required.");
        else if (!CodePattern().IsMatch(value)) errors.Add(field, $"{field} must be the {CodeDigits} digits sent to the phone.");
    }
}
