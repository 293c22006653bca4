using System.ComponentModel;

namespace OrleansBooking.Api.Contracts.Patients;

/// <summary>
/// Body of <c>POST /api/admin/patients/bulk</c>: registers synthetic patients
/// <c>{patientIdPrefix}{first}</c> … <c>{patientIdPrefix}{first + count − 1}</c> for load tests, each
/// with valid real-name data and its own account. Ids that exist are skipped, so a rerun is harmless.
/// </summary>
public sealed record BulkRegistrationRequest(
    [property: Description("1–50 chars of [A-Za-z0-9_.:-], e.g. \"rush-20261122T080000-4f2a-pt\".")] string? PatientIdPrefix,
    [property: Description("1–200000.")] int? Count,
    [property: Description("First number, default 0.")] int? First = null,
    [property: Description("When given, each patient also gets a patient account that signs in with login = patient id and this password "
        + "(the prefix must then be a valid login: a–z first, then a–z, 0–9, '.', '_', '-').")] string? Password = null);

/// <summary>How a bulk registration went; AccountsCreated counts the new sign-in accounts (0 without a password).</summary>
public sealed record BulkRegistrationResponse(int Requested, int Registered, int Existing, int AccountsCreated = 0);
