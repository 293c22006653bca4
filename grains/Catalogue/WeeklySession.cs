using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Catalogue;

/// <summary>
/// One line of a doctor's weekly template: every <paramref name="Weekday"/> the doctor holds
/// <paramref name="Session"/>. <paramref name="Fee"/> null means the fee of the doctor's title.
/// </summary>
public sealed record WeeklySession(
    DayOfWeek Weekday,
    ClinicSession Session,
    TimeOnly StartTime,
    int MinutesPerNumber,
    int Quota,
    decimal? Fee = null);
