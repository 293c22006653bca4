namespace OrleansBooking.Grains.Catalogue;

/// <summary>The whole catalogue as read at one moment: small (hundreds of doctors), so it is kept in memory whole.</summary>
public sealed class CatalogueSnapshot
{
    public CatalogueSnapshot(IEnumerable<Department> departments, IEnumerable<Doctor> doctors, IEnumerable<DoctorSchedule> schedules)
    {
        Departments = departments.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.DepartmentId, StringComparer.Ordinal).ToList();
        Doctors = doctors.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.DoctorId, StringComparer.Ordinal).ToList();
        DepartmentsById = Departments.ToDictionary(d => d.DepartmentId, StringComparer.Ordinal);
        DoctorsById = Doctors.ToDictionary(d => d.DoctorId, StringComparer.Ordinal);
        SchedulesByDoctor = schedules.ToDictionary(s => s.DoctorId, StringComparer.Ordinal);
    }

    public static CatalogueSnapshot Empty { get; } = new([], [], []);

    /// <summary>By name.</summary>
    public IReadOnlyList<Department> Departments { get; }

    /// <summary>By name.</summary>
    public IReadOnlyList<Doctor> Doctors { get; }

    public IReadOnlyDictionary<string, Department> DepartmentsById { get; }

    public IReadOnlyDictionary<string, Doctor> DoctorsById { get; }

    public IReadOnlyDictionary<string, DoctorSchedule> SchedulesByDoctor { get; }

    public DoctorSchedule ScheduleOf(string doctorId) => SchedulesByDoctor.GetValueOrDefault(doctorId) ?? DoctorSchedule.Empty(doctorId);

    /// <summary>A doctor is bookable when both the doctor and the department are active.</summary>
    public bool IsBookable(Doctor doctor) =>
        doctor.Active && DepartmentsById.TryGetValue(doctor.DepartmentId, out var department) && department.Active;
}
