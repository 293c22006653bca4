using System.Collections.Concurrent;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>
/// The visit day and department of each pool, shared by every patient of the process. Both never
/// change once a pool exists (admins change quota, release and status only), so a pool is asked
/// once: on the conventional engine that ask is a database read, which a rush must not repeat.
/// </summary>
public sealed class PoolVisitDays
{
    /// <summary>Past this many pools the cache starts over rather than grow without bound (months of pools fit).</summary>
    public const int MaxPools = 200_000;

    private readonly ConcurrentDictionary<string, VisitDay> days = new(StringComparer.Ordinal);

    /// <summary>The pool's visit day, or null when the pool does not exist (not remembered: it may be created later).</summary>
    public async Task<VisitDay?> FindAsync(string poolId, ISlotPoolGrain pool)
    {
        if (days.TryGetValue(poolId, out var known)) return known;
        if (await pool.GetSnapshotAsync() is not { } snapshot) return null;
        if (days.Count >= MaxPools) days.Clear();
        var day = new VisitDay(snapshot.Definition.Date, snapshot.Definition.DepartmentId);
        days[poolId] = day;
        return day;
    }
}
