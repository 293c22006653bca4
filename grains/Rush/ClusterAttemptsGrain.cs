namespace OrleansBooking.Grains.Rush;

/// <summary>
/// The cluster's tally of reservation attempts (see <see cref="IClusterAttemptsGrain"/>): per
/// reporting silo, its pools' counts of each second it reported, in memory.
/// </summary>
public sealed class ClusterAttemptsGrain : Grain, IClusterAttemptsGrain
{
    // Reporter → second → that silo's pools in that second. Kept per reporter and second so that a
    // report replaces exactly the seconds it covers: a resent second is never counted twice.
    private readonly Dictionary<string, Dictionary<long, IReadOnlyList<PoolAttemptsInSecond>>> reporters = new(StringComparer.Ordinal);
    private long newestSecond = long.MinValue;

    public Task ReportAsync(SiloAttemptsReport report)
    {
        if (!reporters.TryGetValue(report.Reporter, out var seconds)) reporters[report.Reporter] = seconds = [];
        foreach (var covered in seconds.Keys.Where(s => s >= report.FromSecond && s <= report.ToSecond).ToList()) seconds.Remove(covered);
        foreach (var second in report.Pools.Where(p => p.Second >= report.FromSecond && p.Second <= report.ToSecond).GroupBy(p => p.Second))
            seconds[second.Key] = second.ToList();
        newestSecond = Math.Max(newestSecond, report.ToSecond);
        ForgetBefore(newestSecond);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PoolAttemptsSnapshot>> GetLastMinuteAsync(string exceptReporter, long nowSecond)
    {
        var sum = new AttemptsSum();
        foreach (var (reporter, seconds) in reporters)
        {
            if (reporter == exceptReporter) continue;
            foreach (var (second, pools) in seconds)
            {
                if (!RushWindow.Holds(nowSecond, second)) continue;
                foreach (var pool in pools) sum.Add(pool.PoolId, pool.ByOutcome, second == nowSecond - 1 ? pool.ByOutcome.Sum() : 0);
            }
        }
        return Task.FromResult(sum.ToSnapshots());
    }

    // Bounds memory: a silo that stopped reporting (dead, or stopped) leaves with its last second.
    private void ForgetBefore(long nowSecond)
    {
        foreach (var (reporter, seconds) in reporters.ToList())
        {
            foreach (var second in seconds.Keys.Where(s => !RushWindow.Holds(nowSecond, s)).ToList()) seconds.Remove(second);
            if (seconds.Count == 0) reporters.Remove(reporter);
        }
    }
}
