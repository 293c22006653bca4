namespace OrleansBooking.Grains.SlotPools;

/// <summary>A session's instants in the hospital's zone: its start, its end (start plus one slot per number of the quota), its day's end.</summary>
public static class ClinicHours
{
    /// <summary>The instant the first number is due.</summary>
    public static DateTimeOffset SessionStart(this SlotPoolRules rules, PoolDefinition pool, TimeZoneInfo zone) =>
        rules.VisitTime(pool, 1, zone);

    /// <summary>The instant the last number's slot ends (the visit time a number after the quota would have).</summary>
    public static DateTimeOffset SessionEnd(this SlotPoolRules rules, PoolDefinition pool, TimeZoneInfo zone) =>
        rules.VisitTime(pool, pool.Quota + 1, zone);

    /// <summary>Local midnight after the visit day.</summary>
    public static DateTimeOffset VisitDayEnd(this SlotPoolRules rules, PoolDefinition pool, TimeZoneInfo zone) =>
        rules.VisitTime(pool with { StartTime = TimeOnly.MinValue, Date = pool.Date.AddDays(1) }, 1, zone);
}
