using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Catalogue;

/// <summary>
/// The hospital's catalogue rules: how far ahead pools exist, when numbers are released, fees by
/// title, default session times. Bound from configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class CatalogueRules
{
    public const string SectionName = "Booking:Catalogue";
    public const int DefaultBookingWindowDays = 7;
    public const int MaxBookingWindowDays = 60;
    public static readonly TimeSpan DefaultGenerationTimeOfDay = new(0, 30, 0);
    public static readonly TimeSpan DefaultBrowseCacheTtl = TimeSpan.FromSeconds(1);

    /// <summary>Pools exist for today and this many days after it. Default 7.</summary>
    public int BookingWindowDays { get; set; } = DefaultBookingWindowDays;

    /// <summary>The hospital's release rule: numbers for day D open this many days before… Default 7.</summary>
    public int ReleaseDaysBefore { get; set; } = ReleaseRule.Default.DaysBefore;

    /// <summary>…at this local time. Default 08:00. A department may have its own rule.</summary>
    public TimeSpan ReleaseTimeOfDay { get; set; } = ReleaseRule.Default.TimeOfDay.ToTimeSpan();

    /// <summary>When (hospital time) the daily pool generation runs. Default 00:30, well before the 08:00 release.</summary>
    public TimeSpan GenerationTimeOfDay { get; set; } = DefaultGenerationTimeOfDay;

    /// <summary>How long a browse answer (department's doctors, a doctor's calendar) may be served from memory. Default 1 s.</summary>
    public TimeSpan BrowseCacheTtl { get; set; } = DefaultBrowseCacheTtl;

    /// <summary>Registration fees by title (Beijing's 2017 medical service fees). Defaults 100 / 80 / 60 / 50.</summary>
    public decimal ChiefFee { get; set; } = 100m;

    public decimal AssociateChiefFee { get; set; } = 80m;

    public decimal AttendingFee { get; set; } = 60m;

    public decimal ResidentFee { get; set; } = 50m;

    /// <summary>Start times a weekly session gets when its template line names none. Defaults 08:00, 13:30, 18:00.</summary>
    public TimeSpan MorningStart { get; set; } = new(8, 0, 0);

    public TimeSpan AfternoonStart { get; set; } = new(13, 30, 0);

    public TimeSpan EveningStart { get; set; } = new(18, 0, 0);

    public ReleaseRule HospitalRelease => new(ReleaseDaysBefore, TimeOnly.FromTimeSpan(ReleaseTimeOfDay));

    /// <summary>The rule a department's pools follow: its own, else the hospital's.</summary>
    public ReleaseRule ReleaseFor(Department department) => department.ReleaseRule ?? HospitalRelease;

    public decimal FeeFor(DoctorTitle title) => title switch
    {
        DoctorTitle.Chief => ChiefFee,
        DoctorTitle.AssociateChief => AssociateChiefFee,
        DoctorTitle.Attending => AttendingFee,
        DoctorTitle.Resident => ResidentFee,
        _ => throw new ArgumentOutOfRangeException(nameof(title), title, "Unknown title."),
    };

    public TimeOnly DefaultStart(ClinicSession session) => TimeOnly.FromTimeSpan(session switch
    {
        ClinicSession.Morning => MorningStart,
        ClinicSession.Afternoon => AfternoonStart,
        ClinicSession.Evening => EveningStart,
        _ => throw new ArgumentOutOfRangeException(nameof(session), session, "Unknown session."),
    });

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BookingWindowDays is < 0 or > MaxBookingWindowDays)
            errors.Add($"{SectionName}:{nameof(BookingWindowDays)} must be between 0 and {MaxBookingWindowDays} (was {BookingWindowDays}).");
        if (ReleaseDaysBefore is < 0 or > ReleaseRule.MaxDaysBefore)
            errors.Add($"{SectionName}:{nameof(ReleaseDaysBefore)} must be between 0 and {ReleaseRule.MaxDaysBefore} (was {ReleaseDaysBefore}).");
        CheckTimeOfDay(errors, nameof(ReleaseTimeOfDay), ReleaseTimeOfDay);
        CheckTimeOfDay(errors, nameof(GenerationTimeOfDay), GenerationTimeOfDay);
        CheckTimeOfDay(errors, nameof(MorningStart), MorningStart);
        CheckTimeOfDay(errors, nameof(AfternoonStart), AfternoonStart);
        CheckTimeOfDay(errors, nameof(EveningStart), EveningStart);
        if (BrowseCacheTtl < TimeSpan.Zero || BrowseCacheTtl > TimeSpan.FromMinutes(1))
            errors.Add($"{SectionName}:{nameof(BrowseCacheTtl)} must be between 0 and 1 minute (was {BrowseCacheTtl}).");
        foreach (var (name, fee) in new[] { (nameof(ChiefFee), ChiefFee), (nameof(AssociateChiefFee), AssociateChiefFee),
                     (nameof(AttendingFee), AttendingFee), (nameof(ResidentFee), ResidentFee) })
            if (fee < 0 || decimal.Round(fee, 2) != fee)
                errors.Add($"{SectionName}:{name} must be a non-negative amount with at most two decimals (was {fee}).");
        return errors;
    }

    private static void CheckTimeOfDay(List<string> errors, string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero || value >= TimeSpan.FromDays(1))
            errors.Add($"{SectionName}:{name} must be a time of day (was {value}).");
    }
}
