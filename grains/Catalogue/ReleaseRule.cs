using OrleansBooking.Grains.Lottery;

namespace OrleansBooking.Grains.Catalogue;

/// <summary>
/// When a day's numbers open: at <paramref name="TimeOfDay"/> (hospital time), <paramref name="DaysBefore"/>
/// days before the visit day; with a <paramref name="Lottery"/> window the pools planned from it draw
/// their numbers among the requests of the window instead of first come, first served.
/// </summary>
public sealed record ReleaseRule(int DaysBefore, TimeOnly TimeOfDay, LotteryWindow? Lottery = null)
{
    public const int MaxDaysBefore = 60;

    /// <summary>The hospital's default: day D opens at 08:00 on D−7.</summary>
    public static readonly ReleaseRule Default = new(7, new TimeOnly(8, 0));

    public DateTimeOffset ReleaseAt(DateOnly visitDate, TimeZoneInfo zone)
    {
        var local = visitDate.AddDays(-DaysBefore).ToDateTime(TimeOfDay);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
