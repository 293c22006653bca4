namespace OrleansBooking.Api.Accounts;

/// <summary>
/// Someone who signs in; a disabled account (<see cref="DisabledAt"/>) no longer can. <see cref="Login"/> is the mobile number of a patient account and a user
/// name for staff; <see cref="DoctorId"/> links a doctor account to the catalogue doctor it speaks for.
/// </summary>
public sealed record Account(
    string AccountId,
    string Role,
    string Login,
    string? PasswordHash,
    string DisplayName,
    string? DoctorId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt = null)
{
    public bool IsStaff => Role is AccountRoles.Doctor or AccountRoles.Admin;
}

/// <summary>Why a one-time code was sent. A code proves the phone for its purpose only.</summary>
public enum CodePurpose
{
    Register,
    SignIn,
    PasswordReset,
    /// <summary>Sent to both the old and the new number when a patient changes their mobile.</summary>
    MobileChange,
    /// <summary>Sent to the phone on file when another account registers a person who is a patient here already.</summary>
    PatientClaim,
}

/// <summary>A one-time code as stored: only its hash, when it was sent, and how often it was guessed.</summary>
public sealed record StoredCode(string Login, CodePurpose Purpose, string CodeHash, DateTimeOffset SentAt, DateTimeOffset ExpiresAt, int Attempts);

/// <summary>
/// A signed-in session as stored: <see cref="RefreshId"/> names the one refresh token of the session
/// that may still be exchanged; every refresh replaces it.
/// </summary>
public sealed record SignedInSession(string SessionId, string AccountId, string RefreshId, DateTimeOffset StartedAt);

/// <summary>A signed-out session: its tokens are refused until they would have expired anyway.</summary>
public sealed record RevokedSession(string SessionId, string AccountId, DateTimeOffset RevokedAt, DateTimeOffset ExpiresAt);
