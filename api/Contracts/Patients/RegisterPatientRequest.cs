using System.ComponentModel;

namespace OrleansBooking.Api.Contracts.Patients;

/// <summary>Body of <c>POST /api/account/patients</c>: a family member's real-name data.</summary>
public sealed record RegisterPatientRequest(
    [property: Description("Real name, 1–64 characters.")] string? Name,
    [property: Description("18-character resident ID number: a province's region code, a valid birth date and the check character "
        + "(ISO 7064 MOD 11-2) are verified. One patient per person, hospital-wide.")] string? ResidentId,
    [property: Description("Mainland mobile number: 11 digits, 1[3-9]xxxxxxxxx.")] string? Phone,
    [property: Description("Not accepted: patient ids are issued by the service (the answer's patientId and Location).")] string? PatientId = null,
    [property: Description("Optional yyyy-MM-dd as the patient states it; must be the birth date the resident ID holds.")] string? BirthDate = null,
    [property: Description("Optional female or male as the patient states it; must be the sex the resident ID holds.")] string? Sex = null);
