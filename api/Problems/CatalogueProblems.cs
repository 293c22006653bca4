using Microsoft.AspNetCore.Http.HttpResults;

namespace OrleansBooking.Api.Problems;

/// <summary>The catalogue's refusals, with stable codes (kept beside <see cref="ProblemCodes"/>; never rename one).</summary>
public static class CatalogueProblems
{
    public const string DepartmentNotFound = "department_not_found";
    public const string DepartmentExists = "department_exists";
    public const string DoctorNotFound = "doctor_not_found";
    public const string DoctorExists = "doctor_exists";
    public const string ScheduleExceptionNotFound = "schedule_exception_not_found";

    public static ProblemHttpResult NoDepartment(string departmentId) =>
        BookingProblems.Problem(StatusCodes.Status404NotFound, DepartmentNotFound, "No such department.",
            $"Department '{departmentId}' does not exist.", ("departmentId", departmentId));

    public static ProblemHttpResult DepartmentTaken(string departmentId) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, DepartmentExists, "The department exists already.",
            $"Department '{departmentId}' was created before; change it with PATCH.", ("departmentId", departmentId));

    public static ProblemHttpResult NoDoctor(string doctorId) =>
        BookingProblems.Problem(StatusCodes.Status404NotFound, DoctorNotFound, "No such doctor.", $"Doctor '{doctorId}' does not exist.", ("doctorId", doctorId));

    public static ProblemHttpResult DoctorTaken(string doctorId) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, DoctorExists, "The doctor exists already.",
            $"Doctor '{doctorId}' was created before; change it with PATCH.", ("doctorId", doctorId));

    public static ProblemHttpResult NoScheduleException(string doctorId, string exceptionId) =>
        BookingProblems.Problem(StatusCodes.Status404NotFound, ScheduleExceptionNotFound, "No such schedule exception.",
            $"Doctor '{doctorId}' has no exception '{exceptionId}'.", ("exceptionId", exceptionId));
}
