using System.ComponentModel;

namespace OrleansBooking.Api.Contracts.Patients;

/// <summary>Body of <c>POST /api/accounts/{accountId}/patients</c>: a family member's real-name data.</summary>
public sealed record RegisterPatientRequest(
    [property: Description("Real name, 1–64 characters.")] string? Name,
    [property: Description("18-character resident ID number; the check character (ISO 7064 MOD 11-2) is verified.")] string? ResidentId,
    [property: Description("Mainland mobile number: 11 digits, 1[3-9]xxxxxxxxx.")] string? Phone,
    [property: Description("Optional; 1–64 chars of [A-Za-z0-9_.:-]. Generated when absent.")] string? PatientId = null);
