using System.Diagnostics;
using Xunit.Abstractions;

namespace OrleansBooking.Tests.Cluster;

/// <summary>
/// The database unreachable for 10 s in the middle of a rush on three silos: every caller is told
/// the truth (a reservation that is stored, or a retryable 503 with Retry-After — never a success
/// that was not written), and every silo books normally again within 2 s of the database's return.
/// </summary>
[Collection(SiloClusterCollection.Name)]
public sealed class DatabaseOutageTests(SiloCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan BackWithin = TimeSpan.FromSeconds(2);
    private const int PerDayLimit = 2; // the silo's default Booking:Limits:PerDay

    [Fact]
    public async Task TenSecondsWithoutTheDatabaseGiveOnlyRetryable503sAndTheSilosBookAgainWithinTwoSeconds()
    {
        await cluster.EnsureAllRunningAsync();
        await using var rush = new ClusterRush(cluster, "down" + Guid.NewGuid().ToString("N")[..6]);
        await rush.ProvisionAsync(pools: 12, quota: 60, patients: 600);
        foreach (var pool in rush.PoolIds) Assert.True((await rush.Clients[0].GetPoolAsync(pool, CancellationToken.None)).Outcome.IsSuccess);

        var clock = Stopwatch.StartNew();
        TimeSpan lostAt = default, returnedAt = default;
        try
        {
            var attempts = await rush.RunAsync(patients: 600, choices: 3, seed: 40, sentBeforeSignal: 300, onSent: async () =>
            {
                await cluster.Server.KillAsync();
                lostAt = clock.Elapsed;
                // The outage itself: how long the database stays away is what the test is about.
                await Task.Delay(Outage);
                await cluster.Server.StartAsync();
                returnedAt = clock.Elapsed;
            });

            var refused = attempts.Where(a => a.Outcome.IsError).ToList();
            output.WriteLine($"database lost at {lostAt.TotalSeconds:0.000} s, back at {returnedAt.TotalSeconds:0.000} s; {attempts.Count} attempts: " +
                             $"{attempts.Count(a => a.Outcome.Status == 201)} reserved, {refused.Count} refused " +
                             $"({string.Join(", ", refused.GroupBy(a => a.Outcome.ToString()).Select(g => $"{g.Key}: {g.Count()}"))})");
            Assert.Contains(attempts, a => a.At > lostAt && a.Outcome.Status == 503);
            Assert.All(refused, a => Assert.True(a.Outcome.Status == 503 && a.RetryAfter is not null,
                $"{a.Key}: {a.Outcome} (Retry-After {a.RetryAfter}) is not a retryable 503."));

            // Every caller refused tries again; the first round after the return shows when each silo books again.
            var answeringAt = await WhenEverySiloBooksAsync(rush, refused, clock, returnedAt + TimeSpan.FromSeconds(30));
            output.WriteLine($"every silo booked again {(answeringAt - returnedAt).TotalSeconds:0.000} s after the database returned");
            Assert.True(answeringAt - returnedAt <= BackWithin,
                $"The silos booked again {(answeringAt - returnedAt).TotalSeconds:0.0} s after the database returned, later than {BackWithin.TotalSeconds} s.");

            var deadline = DateTime.UtcNow.AddSeconds(60);
            var replays = new List<RushAttempt>();
            foreach (var batch in refused.Chunk(32))
                replays.AddRange(await Task.WhenAll(batch.Select((a, i) => rush.ReplayAsync(a, silo: i % SiloCluster.Size, deadline))));
            Assert.All(replays, r => Assert.False(r.Outcome.IsTransient, $"{r.Key} still unanswered after replaying: {r.Outcome}"));
            await ClusterVerdict.AssertAsync(cluster.ConnectionString, rush, attempts.Concat(replays), PerDayLimit);
        }
        finally
        {
            if (!cluster.Server.IsRunning) await cluster.Server.StartAsync();
        }
    }

    /// <summary>
    /// Sends one refused attempt per silo, through that silo, round after round, until each silo has
    /// given a final answer (anything but a 503 or silence); the instant the last one did.
    /// </summary>
    private static async Task<TimeSpan> WhenEverySiloBooksAsync(ClusterRush rush, IReadOnlyList<RushAttempt> refused, Stopwatch clock, TimeSpan deadline)
    {
        var probes = Enumerable.Range(0, SiloCluster.Size).ToDictionary(silo => silo, silo => refused[silo]);
        while (probes.Count > 0)
        {
            if (clock.Elapsed > deadline) throw new TimeoutException($"Silos {string.Join(", ", probes.Keys)} never booked again.");
            var answers = await Task.WhenAll(probes.Select(async p => (p.Key, Call: await rush.Clients[p.Key].ReserveAsync(
                p.Value.PoolId, p.Value.PatientId, rush.TokenOf(p.Value.Patient), p.Value.Key, CancellationToken.None))));
            foreach (var (silo, call) in answers)
                if (!call.Outcome.IsTransient) probes.Remove(silo);
            // Pacing between rounds (a fast 503 would otherwise spin), not a wait for anything.
            if (probes.Count > 0) await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
        return clock.Elapsed;
    }
}
