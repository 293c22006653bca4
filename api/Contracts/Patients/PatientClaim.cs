using System.ComponentModel;

namespace OrleansBooking.Api.Contracts.Patients;

/// <summary>
/// Answer (202) to registering a person who is a patient here already under another account: a
/// code went to the phone on file; <c>POST /api/account/patients/claims</c> with it attaches them.
/// </summary>
public sealed record PatientClaimResponse(
    [property: Description("Always verification_required.")] string Status,
    [property: Description("The phone on file, masked, where the code went.")] string SentTo,
    DateTimeOffset ExpiresAt)
{
    public const string VerificationRequired = "verification_required";
}

/// <summary>Body of <c>POST /api/account/patients/claims</c>: the person and the code sent to the phone on file.</summary>
public sealed record ClaimPatientRequest(
    [property: Description("The resident ID the registration named.")] string? ResidentId,
    [property: Description("The 6-digit code sent to the phone on file.")] string? Code);
