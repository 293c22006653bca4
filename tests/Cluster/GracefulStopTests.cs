using Xunit.Abstractions;

namespace OrleansBooking.Tests.Cluster;

/// <summary>
/// SIGTERM of one silo of three during a rush (an orchestrator stopping it for an upgrade): the
/// stopping silo's writes drain, its grains move, what was acknowledged is in the database, and
/// the callers of the other silos see no failure at all. While a pool moves, a few calls meet
/// Orleans' rejection or the old activation's version fence; the reservation route tries those
/// again itself (HandOverRetry), so they are slower answers, not 503s.
/// </summary>
[Collection(SiloClusterCollection.Name)]
public sealed class GracefulStopTests(SiloCluster cluster, ITestOutputHelper output)
{
    private const int Stopping = 2;

    [Fact]
    public async Task StoppingASiloMidRushLosesNothingAndTheOtherSilosAnswerEveryCall()
    {
        await cluster.EnsureAllRunningAsync();
        await using var rush = new ClusterRush(cluster, "stop" + Guid.NewGuid().ToString("N")[..6]);
        // More numbers than the crowd can take before the stop, so reservations are still being written when it comes.
        await rush.ProvisionAsync(pools: 12, quota: 60, patients: 600);
        // Every pool activated before the rush, spread by Orleans over the three silos.
        foreach (var pool in rush.PoolIds) Assert.True((await rush.Clients[Stopping].GetPoolAsync(pool, CancellationToken.None)).Outcome.IsSuccess);

        var attempts = await rush.RunAsync(patients: 600, choices: 3, seed: 30, silos: [0, 1], sentBeforeSignal: 300,
            onSent: () => cluster.Silo(Stopping).TerminateAsync(TimeSpan.FromSeconds(60)));

        var failed = attempts.Where(a => a.Outcome.IsError).ToList();
        output.WriteLine($"{attempts.Count} attempts on silos 0 and 1: {attempts.Count(a => a.Outcome.Status == 201)} reserved, {failed.Count} failed " +
                         $"({string.Join(", ", failed.GroupBy(a => a.Outcome.ToString()).Select(g => $"{g.Key}: {g.Count()}"))})");
        Assert.True(cluster.Silo(Stopping).HasExited, "The stopped silo is still running.");
        Assert.True(failed.Count == 0, $"{failed.Count} of {attempts.Count} attempts on the other silos failed: " +
                                       string.Join(", ", failed.Take(5).Select(a => $"{a.Key} {a.Outcome}")));
        await ClusterVerdict.AssertAsync(cluster.ConnectionString, rush, attempts, perDayLimit: 2);
    }
}
