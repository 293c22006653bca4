namespace OrleansBooking.Api.Contracts.Accounts;

/// <summary>Sign in with a login (a patient's mobile number or a staff user name) and password.</summary>
public sealed record SignInRequest(string? Login, string? Password);

/// <summary>Send a one-time code to a mobile number.</summary>
public sealed record SendCodeRequest(string? Mobile);

/// <summary>Sign in with the code sent to the mobile number.</summary>
public sealed record CodeSignInRequest(string? Mobile, string? Code);

/// <summary>Open a patient account: the mobile number, the code sent to it, a password and optionally a display name.</summary>
public sealed record RegisterAccountRequest(string? Mobile, string? Code, string? Password, string? DisplayName);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>An admin creates a doctor (linked to a catalogue doctor) or another admin.</summary>
public sealed record CreateStaffAccountRequest(string? Role, string? Login, string? Password, string? DisplayName, string? DoctorId);

/// <summary>A forgotten patient password: the mobile number, the reset code sent to it, and the new password.</summary>
public sealed record PasswordResetRequest(string? Mobile, string? Code, string? Password);

/// <summary>The owner changes their password: the current one proves it is them.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>A patient moves their account to a new mobile number, with the codes sent to the current number and to the new one.</summary>
public sealed record ChangeMobileRequest(string? Mobile, string? CurrentCode, string? NewCode);

/// <summary>An admin sets a staff account's password.</summary>
public sealed record SetPasswordRequest(string? Password);
