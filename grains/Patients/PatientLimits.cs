namespace OrleansBooking.Grains.Patients;

/// <summary>
/// Per-patient limits, with defaults taken from Beijing's unified booking platform, and the
/// no-show suspension rule. Bound from configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class PatientLimits
{
    public const string SectionName = "Booking:Limits";
    public const int DefaultPerDepartmentPerDay = 1;
    public const int DefaultPerDay = 2;
    public const int DefaultPerWeek = 3;
    public const int DefaultWeekDays = 7;
    public const int DefaultNoShowsBeforeSuspension = 3;
    public const int DefaultNoShowWindowDays = 90;
    public const int DefaultSuspensionDays = 90;
    public const int DefaultPatientsPerAccount = 5;

    /// <summary>Reservations in one department on one visit day. Default 1.</summary>
    public int PerDepartmentPerDay { get; set; } = DefaultPerDepartmentPerDay;

    /// <summary>Reservations on one visit day. Default 2.</summary>
    public int PerDay { get; set; } = DefaultPerDay;

    /// <summary>Reservations within any <see cref="WeekDays"/> consecutive visit days. Default 3.</summary>
    public int PerWeek { get; set; } = DefaultPerWeek;

    /// <summary>The length of the sliding window <see cref="PerWeek"/> counts in, in days. Default 7.</summary>
    public int WeekDays { get; set; } = DefaultWeekDays;

    /// <summary>No-shows within <see cref="NoShowWindowDays"/> that suspend booking. Default 3.</summary>
    public int NoShowsBeforeSuspension { get; set; } = DefaultNoShowsBeforeSuspension;

    /// <summary>How far back no-shows count, in days. Default 90.</summary>
    public int NoShowWindowDays { get; set; } = DefaultNoShowWindowDays;

    /// <summary>How long a suspension lasts, in days. Default 90.</summary>
    public int SuspensionDays { get; set; } = DefaultSuspensionDays;

    /// <summary>Patients one account may manage (a family). Default 5.</summary>
    public int PatientsPerAccount { get; set; } = DefaultPatientsPerAccount;

    public TimeSpan NoShowWindow => TimeSpan.FromDays(NoShowWindowDays);

    public TimeSpan SuspensionLength => TimeSpan.FromDays(SuspensionDays);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        AtLeast(1, PerDepartmentPerDay, nameof(PerDepartmentPerDay));
        AtLeast(1, PerDay, nameof(PerDay));
        AtLeast(1, PerWeek, nameof(PerWeek));
        AtLeast(1, WeekDays, nameof(WeekDays));
        AtLeast(1, NoShowsBeforeSuspension, nameof(NoShowsBeforeSuspension));
        AtLeast(1, NoShowWindowDays, nameof(NoShowWindowDays));
        AtLeast(1, SuspensionDays, nameof(SuspensionDays));
        AtLeast(1, PatientsPerAccount, nameof(PatientsPerAccount));
        return errors;

        void AtLeast(int minimum, int value, string name)
        {
            if (value < minimum) errors.Add($"{SectionName}:{name} must be at least {minimum} (was {value}).");
        }
    }
}
