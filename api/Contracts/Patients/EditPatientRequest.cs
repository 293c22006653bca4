using System.ComponentModel;

namespace OrleansBooking.Api.Contracts.Patients;

/// <summary>
/// Body of <c>PATCH /api/account/patients/{patientId}</c>: what the managing account may correct.
/// The resident ID is who the patient is and cannot change: a wrong one is removed and registered anew.
/// </summary>
public sealed record EditPatientRequest(
    [property: Description("Real name, 1–64 characters; unchanged when absent.")] string? Name = null,
    [property: Description("Mainland mobile number: 11 digits, 1[3-9]xxxxxxxxx; unchanged when absent.")] string? Phone = null);
