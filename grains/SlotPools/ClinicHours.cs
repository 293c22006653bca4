namespace OrleansBooking.Grains.SlotPools;

/// <summary>When a session is over: its start plus one slot of minutes for every number of the quota.</summary>
public static class ClinicHours
{
    /// <summary>The instant the last number's slot ends (the visit time a number after the quota would have).</summary>
    public static DateTimeOffset SessionEnd(this SlotPoolRules rules, PoolDefinition pool, TimeZoneInfo zone) =>
        rules.VisitTime(pool, pool.Quota + 1, zone);
}
