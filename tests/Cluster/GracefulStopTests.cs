using Xunit.Abstractions;

namespace OrleansBooking.Tests.Cluster;

/// <summary>
/// SIGTERM of one silo of three during a rush (an orchestrator stopping it for an upgrade): the
/// stopping silo's writes drain, its grains move, what was acknowledged is in the database, and
/// the callers of the other silos get no failure but a retryable 503 that a replay with the same
/// Idempotency-Key settles.
/// </summary>
/// <remarks>
/// Issue 10 asks for zero failed requests on the other silos. Not yet: while a pool moves, a few
/// calls (5 of 1,800 here) meet the old activation still draining (503 write_conflict, from the
/// version fence) or Orleans' rejection during the hand-over (503 overloaded). This test pins what
/// holds today and fails if such answers stop being retryable or grow beyond a handful.
/// </remarks>
[Collection(SiloClusterCollection.Name)]
public sealed class GracefulStopTests(SiloCluster cluster, ITestOutputHelper output)
{
    private const int Stopping = 2;

    [Fact]
    public async Task StoppingASiloMidRushLosesNothingAndTheOthersAnswerAtWorstARetryable503()
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
        var replays = await Task.WhenAll(failed.Select(a => rush.ReplayAsync(a, silo: 0, DateTime.UtcNow.AddSeconds(60))));
        output.WriteLine($"{attempts.Count} attempts on silos 0 and 1: {attempts.Count(a => a.Outcome.Status == 201)} reserved, {failed.Count} failed " +
                         $"({string.Join(", ", failed.GroupBy(a => a.Outcome.ToString()).Select(g => $"{g.Key}: {g.Count()}"))})");
        Assert.True(cluster.Silo(Stopping).HasExited, "The stopped silo is still running.");
        Assert.All(failed, a => Assert.True(a.Outcome.Status == 503, $"{a.Key}: {a.Outcome} is not a retryable 503."));
        Assert.True(failed.Count <= attempts.Count / 100, $"{failed.Count} of {attempts.Count} attempts on the other silos failed.");
        Assert.All(replays, r => Assert.False(r.Outcome.IsTransient, $"{r.Key} still unanswered after replaying: {r.Outcome}"));
        await ClusterVerdict.AssertAsync(cluster.ConnectionString, rush, attempts.Concat(replays), perDayLimit: 2);
    }
}
