using System.ComponentModel;
using OrleansBooking.Grains.Catalogue;

namespace OrleansBooking.Api.Contracts.Catalogue;

/// <summary>Body of <c>POST /api/admin/doctors</c>.</summary>
public sealed record CreateDoctorRequest(
    [property: Description("1–100 characters.")] string? Name,
    [property: Description("chief | associate_chief | attending | resident; sets the fee.")] string? Title,
    [property: Description("An existing department.")] string? DepartmentId,
    [property: Description("Up to 20, each 1–50 characters; searched by GET /api/doctors?search=.")] string[]? Specialties = null,
    [property: Description("Up to 2000 characters.")] string? Bio = null,
    [property: Description("Optional; 1–40 chars of [A-Za-z0-9_.:-]. Generated when absent.")] string? DoctorId = null);

/// <summary>Body of <c>PATCH /api/admin/doctors/{doctorId}</c>; absent fields stay as they are.</summary>
public sealed record UpdateDoctorRequest(
    string? Name = null,
    string? Title = null,
    string? DepartmentId = null,
    string[]? Specialties = null,
    string? Bio = null,
    [property: Description("false hides the doctor and stops new pools; true brings the doctor back.")] bool? Active = null);

public sealed record DoctorResponse(
    string DoctorId, string Name, DoctorTitle Title, string DepartmentId, string[] Specialties, string Bio, decimal Fee, bool Active)
{
    public static DoctorResponse From(Doctor doctor, CatalogueRules rules) =>
        new(doctor.DoctorId, doctor.Name, doctor.Title, doctor.DepartmentId, doctor.Specialties.ToArray(), doctor.Bio,
            rules.FeeFor(doctor.Title), doctor.Active);
}
