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
    public const string OutsideDepartmentAges = "outside_department_ages";

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

    /// <summary>With the department's ends (an open end is left out).</summary>
    public static ProblemHttpResult OutsideAges(string departmentId, AgeRange ages)
    {
        var extensions = new List<(string, object)> { ("departmentId", departmentId) };
        if (ages.MinYears is { } min) extensions.Add(("minAgeYears", min));
        if (ages.MaxYears is { } max) extensions.Add(("maxAgeYears", max));
        return BookingProblems.Problem(StatusCodes.Status409Conflict, OutsideDepartmentAges, "The department does not see patients of this age.",
            $"Department '{departmentId}' sees patients aged {ages.MinYears ?? 0} to {(ages.MaxYears is { } top ? top.ToString(System.Globalization.CultureInfo.InvariantCulture) : "any age")} on the visit day.",
            [.. extensions]);
    }
}
