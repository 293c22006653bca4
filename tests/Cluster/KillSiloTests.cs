using System.Diagnostics;
using Xunit.Abstractions;

namespace OrleansBooking.Tests.Cluster;

/// <summary>
/// <c>kill -9</c> of one silo of three in the middle of a rush spread over all of them: nothing
/// acknowledged is lost, nothing is oversold, the lost silo's pools answer from a survivor within
/// 5 s, and replaying every unanswered attempt with its Idempotency-Key books a patient at most once per pool.
/// </summary>
[Collection(SiloClusterCollection.Name)]
public sealed class KillSiloTests(SiloCluster cluster, ITestOutputHelper output)
{
    /// <summary>What the service promises for a lost silo's pools (Cluster:ProbeTimeout × MissedProbesLimit, with room for the vote).</summary>
    private static readonly TimeSpan PoolsBackWithin = TimeSpan.FromSeconds(5);

    private const int Victim = 2;
    private const int PerDayLimit = 2; // the silo's default Booking:Limits:PerDay

    [Fact]
    public async Task AKilledSiloLosesNoAcknowledgedReservationAndItsPoolsAnswerFromASurvivorWithinFiveSeconds()
    {
        await cluster.EnsureAllRunningAsync();
        await using var rush = new ClusterRush(cluster, "kill" + Guid.NewGuid().ToString("N")[..6]);
        await rush.ProvisionAsync(pools: 12, quota: 30, patients: 600);
        // Every pool activated (on whichever silo Orleans placed it) before the rush, so the victim holds some.
        foreach (var pool in rush.PoolIds) Assert.True((await rush.Clients[0].GetPoolAsync(pool, CancellationToken.None)).Outcome.IsSuccess);

        var clock = Stopwatch.StartNew();
        TimeSpan killedAt = default, allAnsweringAt = default;
        var attempts = await rush.RunAsync(patients: 600, choices: 3, seed: 10, sentBeforeSignal: 500, onSent: async () =>
        {
            await cluster.Silo(Victim).KillAsync();
            killedAt = clock.Elapsed;
            allAnsweringAt = await WhenEveryPoolAnswersAsync(rush, clock, killedAt + TimeSpan.FromSeconds(30));
        });

        var unanswered = attempts.Where(a => a.Outcome.IsTransient).ToList();
        output.WriteLine($"killed silo {Victim} at {killedAt.TotalSeconds:0.000} s; every pool answered from silo 0 at {allAnsweringAt.TotalSeconds:0.000} s " +
                         $"({(allAnsweringAt - killedAt).TotalSeconds:0.000} s after the kill)");
        output.WriteLine($"{attempts.Count} attempts: {attempts.Count(a => a.Outcome.Status == 201)} reserved, {unanswered.Count} unanswered or 503 " +
                         $"({string.Join(", ", unanswered.GroupBy(a => $"silo{a.Silo} {a.Outcome}").Select(g => $"{g.Key}: {g.Count()}"))})");
        Assert.True(allAnsweringAt - killedAt <= PoolsBackWithin,
            $"The pools answered {(allAnsweringAt - killedAt).TotalSeconds:0.0} s after the kill, later than {PoolsBackWithin.TotalSeconds} s.");

        // Every caller who got no final answer tries again with the same key, on a survivor.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var replays = new List<RushAttempt>();
        foreach (var batch in unanswered.Chunk(32))
            replays.AddRange(await Task.WhenAll(batch.Select((a, i) => rush.ReplayAsync(a, silo: i % 2, deadline))));
        Assert.All(replays, r => Assert.False(r.Outcome.IsTransient, $"{r.Key} still unanswered after replaying: {r.Outcome}"));

        await ClusterVerdict.AssertAsync(cluster.ConnectionString, rush, attempts.Concat(replays), PerDayLimit);
        // The replayed keys each stand for at most one reservation, whichever silo answered first.
        var byKey = attempts.Concat(replays).Where(a => a.Outcome.Status == 201).GroupBy(a => a.Key);
        Assert.All(byKey, g => Assert.Single(g.Select(a => a.Reservation!.ReservationId).Distinct()));
        output.WriteLine($"replayed {replays.Count}: {replays.Count(r => r.Outcome.Status == 201)} reserved; invariants hold");
    }

    /// <summary>Polls every pool through silo 0 until each has answered once after the kill; the instant the last one did.</summary>
    private static async Task<TimeSpan> WhenEveryPoolAnswersAsync(ClusterRush rush, Stopwatch clock, TimeSpan deadline)
    {
        var waiting = rush.PoolIds.ToHashSet();
        while (waiting.Count > 0)
        {
            if (clock.Elapsed > deadline) throw new TimeoutException($"Pools {string.Join(", ", waiting)} never answered after the kill.");
            var answers = await Task.WhenAll(waiting.Select(async pool => (pool, (await rush.Clients[0].GetPoolAsync(pool, CancellationToken.None)).Outcome)));
            foreach (var (pool, outcome) in answers)
                if (outcome.IsSuccess) waiting.Remove(pool);
            // Pacing between rounds of polling (a fast 503 would otherwise spin), not a wait for anything.
            if (waiting.Count > 0) await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
        return clock.Elapsed;
    }
}
