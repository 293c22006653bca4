namespace OrleansBooking.Grains.Patients;

/// <summary>Which per-patient limit refused a reservation; in the order they are checked.</summary>
public enum LimitKind
{
    /// <summary>At most <see cref="PatientLimits.PerDepartmentPerDay"/> in one department on one visit day.</summary>
    DepartmentPerDay,

    /// <summary>At most <see cref="PatientLimits.PerDay"/> on one visit day.</summary>
    PerDay,

    /// <summary>At most <see cref="PatientLimits.PerWeek"/> within any <see cref="PatientLimits.WeekDays"/> consecutive visit days.</summary>
    PerWeek,
}
