using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Catalogue;

/// <summary>
/// Where departments, doctors and schedules are kept (implemented in the silo for SQLite and
/// MySQL). Writes answer false when the row they need is missing or already there; they never throw for that.
/// </summary>
public interface ICatalogueStore
{
    Task<CatalogueSnapshot> LoadAsync(CancellationToken cancellationToken);

    /// <summary>False when a department with that id exists.</summary>
    Task<bool> AddDepartmentAsync(Department department, CancellationToken cancellationToken);

    /// <summary>False when the department does not exist.</summary>
    Task<bool> UpdateDepartmentAsync(Department department, CancellationToken cancellationToken);

    /// <summary>False when a doctor with that id exists. The department must exist.</summary>
    Task<bool> AddDoctorAsync(Doctor doctor, CancellationToken cancellationToken);

    /// <summary>False when the doctor does not exist. The department must exist.</summary>
    Task<bool> UpdateDoctorAsync(Doctor doctor, CancellationToken cancellationToken);

    /// <summary>Replaces the doctor's whole weekly template in one transaction.</summary>
    Task ReplaceWeeklyScheduleAsync(string doctorId, IReadOnlyList<WeeklySession> sessions, CancellationToken cancellationToken);

    Task AddScheduleExceptionAsync(ScheduleException exception, CancellationToken cancellationToken);

    /// <summary>False when the doctor has no such exception.</summary>
    Task<bool> RemoveScheduleExceptionAsync(string doctorId, string exceptionId, CancellationToken cancellationToken);

    /// <summary>
    /// The stored pools visiting from <paramref name="from"/> to <paramref name="to"/> (inclusive),
    /// of the given doctors only when <paramref name="doctorIds"/> is not null. Committed rows.
    /// </summary>
    Task<IReadOnlyList<StoredPoolSummary>> ListPoolsAsync(
        IReadOnlyCollection<string>? doctorIds, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>True when the database holds no department, doctor or pool: a first start.</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);
}

/// <summary>Where a stored pool sits in the calendar, and its committed quota.</summary>
public sealed record StoredPoolSummary(string PoolId, string DoctorId, DateOnly Date, ClinicSession Session, int Quota);
