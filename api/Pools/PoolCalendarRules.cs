using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Pools;

/// <summary>
/// Where a pool may sit in the calendar: a visit day from today to a year ahead, and a release before
/// the session starts. Checked before any instant of the session is computed, so no date at the
/// calendar's edge (DateOnly.MinValue, year 9999) ever reaches a date sum that overflows.
/// </summary>
public static class PoolCalendarRules
{
    /// <summary>The furthest ahead a visit day may be: hospitals plan sessions weeks, not years, ahead.</summary>
    public const int MaxDaysAhead = 366;

    /// <summary>The earliest a release may come before its visit: a year, like the visit days themselves.</summary>
    public const int MaxReleaseDaysBefore = 366;

    /// <summary>Adds an error for each rule <paramref name="pool"/> breaks; today is the hospital's local day at <paramref name="now"/>.</summary>
    public static void Check(PoolDefinition pool, SlotPoolRules rules, TimeZoneInfo zone, DateTimeOffset now, RequestErrors errors)
    {
        if (CheckVisitDay(pool.Date, zone, now, errors, "date")) CheckRelease(pool, pool.ReleaseAt, rules, zone, errors);
    }

    /// <summary>A visit day (of a pool or a schedule exception) from today to <see cref="MaxDaysAhead"/> days ahead; false, with an error, otherwise.</summary>
    public static bool CheckVisitDay(DateOnly date, TimeZoneInfo zone, DateTimeOffset now, RequestErrors errors, string field)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (date < today) errors.Add(field, $"{field} must not be in the past (today is {today:yyyy-MM-dd} in the hospital).");
        else if (date > today.AddDays(MaxDaysAhead)) errors.Add(field, $"{field} must be at most {MaxDaysAhead} days ahead.");
        else return true;
        return false;
    }

    /// <summary>A release at or after the session's start would open a session that has begun; one a year early is a typo.</summary>
    public static void CheckRelease(PoolDefinition pool, DateTimeOffset releaseAt, SlotPoolRules rules, TimeZoneInfo zone, RequestErrors errors)
    {
        var start = rules.SessionStart(pool, zone);
        if (releaseAt >= start)
            errors.Add("releaseAt", $"releaseAt must be before the session starts ({start:yyyy-MM-dd'T'HH:mm:sszzz}).");
        else if (releaseAt < start.AddDays(-MaxReleaseDaysBefore))
            errors.Add("releaseAt", $"releaseAt must be at most {MaxReleaseDaysBefore} days before the session starts.");
    }

    /// <summary>The last number's slot must end by midnight: a session (a pool, a weekly line, an extra session) does not run into the next day.</summary>
    public static void CheckEndsByMidnight(TimeOnly start, int minutesPerNumber, int quota, RequestErrors errors, string field)
    {
        if (start.ToTimeSpan() + TimeSpan.FromMinutes((double)minutesPerNumber * quota) > TimeSpan.FromDays(1))
            errors.Add(field, $"{quota} numbers of {minutesPerNumber} minutes from {start:HH\\:mm} run past midnight.");
    }
}
