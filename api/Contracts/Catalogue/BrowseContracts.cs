namespace OrleansBooking.Api.Contracts.Catalogue;

/// <summary>A doctor of a department with the next few sessions one can book or wait for.</summary>
public sealed record DoctorWithSessionsResponse(DoctorResponse Doctor, PoolResponse[] NextSessions);

/// <summary><c>GET /api/departments/{departmentId}/doctors</c>.</summary>
public sealed record DepartmentDoctorsResponse(DepartmentResponse Department, DoctorWithSessionsResponse[] Doctors);

/// <summary>
/// <c>GET /api/doctors/{doctorId}/calendar</c>: every session of the doctor from <c>from</c> to
/// <c>to</c> (the booking window), by date then session, with quota, remaining, status and release instant.
/// </summary>
public sealed record CalendarResponse(DoctorResponse Doctor, string From, string To, PoolResponse[] Sessions);
