using OrleansBooking.Grains.Rush;

namespace OrleansBooking.Api.Rush;

/// <summary>
/// The rush board's counts for the whole cluster: this silo's own, live from memory, plus every
/// other silo's from the cluster's tally, which hears from each silo once a second (so another
/// silo's last whole second may arrive a second late).
/// </summary>
public sealed class ClusterAttempts(ReservationAttempts attempts, IGrainFactory grains, TimeProvider clock)
{
    public async Task<IReadOnlyList<PoolAttemptsSnapshot>> RecentAsync()
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        // This silo's own reports are left out of the tally's answer: its live counts stand for them.
        var others = await grains.GetGrain<IClusterAttemptsGrain>(RushWindow.TallyKey).GetLastMinuteAsync(attempts.Reporter, now);
        var sum = new AttemptsSum();
        foreach (var pool in attempts.Recent()) sum.Add(pool);
        foreach (var pool in others) sum.Add(pool);
        return sum.ToSnapshots();
    }
}
