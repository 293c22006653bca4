using Xunit.Abstractions;

namespace OrleansBooking.Tests.Cluster;

/// <summary>
/// Two clusters on one database (a wrong Cluster:ClusterId, or a split): each has its own grain
/// directory, so a pool can be active in both at once. The version fence on the pool row must
/// still keep every invariant, and the second cluster's silo says at start that it is not alone.
/// </summary>
[Collection(SiloClusterCollection.Name)]
public sealed class TwoClustersTests(SiloCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task TwoClustersBookingTheSamePoolsThroughOneDatabaseCannotOversell()
    {
        await cluster.EnsureAllRunningAsync();
        var (rogue, log) = await cluster.StartForeignSiloAsync("rogue");
        await using (rogue)
        {
            await using var rush = new ClusterRush(cluster, "two" + Guid.NewGuid().ToString("N")[..6], rogue.Url);
            await rush.ProvisionAsync(pools: 2, quota: 40, patients: 300);
            const int Rogue = SiloCluster.Size;

            // Half of the attempts through the other cluster, half through ours.
            var attempts = await rush.RunAsync(patients: 300, choices: 2, seed: 20, silos: [0, Rogue, 1, Rogue]);

            var conflicts = attempts.Count(a => a.Outcome.Code == "write_conflict");
            output.WriteLine($"{attempts.Count} attempts: {attempts.Count(a => a.Outcome.Status == 201)} reserved, {conflicts} write_conflict, " +
                             $"{attempts.Count(a => a.Outcome.IsTransient)} transient in all");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            var replays = await Task.WhenAll(attempts.Where(a => a.Outcome.IsTransient).Select(a => rush.ReplayAsync(a, silo: 0, deadline)));
            Assert.All(replays, r => Assert.False(r.Outcome.IsTransient, $"{r.Key} still unanswered after replaying: {r.Outcome}"));

            await ClusterVerdict.AssertAsync(cluster.ConnectionString, rush, attempts.Concat(replays), perDayLimit: 2);
            // Both clusters wrote the pools: a booking, or a write the fence refused, on each side.
            Assert.True(attempts.Any(a => a.Silo == Rogue && a.Outcome is { Status: 201 } or { Code: "write_conflict" }),
                "The other cluster neither booked nor met the fence: the test did not race two clusters.");
            Assert.True(attempts.Any(a => a.Silo != Rogue && a.Outcome is { Status: 201 } or { Code: "write_conflict" }),
                "Our cluster neither booked nor met the fence: the test did not race two clusters.");
        }
        Assert.Contains("another cluster ('orleansbooking') has live silos on this database", await File.ReadAllTextAsync(log), StringComparison.Ordinal);
    }
}
