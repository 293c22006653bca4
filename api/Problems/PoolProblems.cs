using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Grains.Catalogue;

namespace OrleansBooking.Api.Problems;

/// <summary>Why a pool cannot be opened for a doctor, or booked: catalogue references that are wrong or retired (stable codes; never rename one).</summary>
public static class PoolProblems
{
    public const string DoctorInOtherDepartment = "doctor_in_other_department";
    public const string DoctorInactive = "doctor_inactive";
    public const string DepartmentInactive = "department_inactive";
    public const string SessionTaken = "session_taken";

    public static ProblemHttpResult OtherDepartment(Doctor doctor, string named) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, DoctorInOtherDepartment, "The doctor is filed under another department.",
            $"Doctor '{doctor.DoctorId}' belongs to department '{doctor.DepartmentId}', not '{named}'.",
            ("doctorId", doctor.DoctorId), ("departmentId", doctor.DepartmentId));

    public static ProblemHttpResult RetiredDoctor(string doctorId) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, DoctorInactive, "The doctor is not seeing patients.",
            $"Doctor '{doctorId}' is deactivated: no new pools or bookings. Existing bookings stand.", ("doctorId", doctorId));

    public static ProblemHttpResult ClosedDepartment(string departmentId) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, DepartmentInactive, "The department is closed.",
            $"Department '{departmentId}' is deactivated: no new pools or bookings. Existing bookings stand.", ("departmentId", departmentId));

    public static ProblemHttpResult Duplicate(StoredPoolSummary existing) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, SessionTaken, "The doctor already has this session.",
            $"Pool '{existing.PoolId}' is the doctor's session on that day; change it with PATCH.", ("poolId", existing.PoolId));
}
