using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Infrastructure;
using OrleansBooking.Tests.Storage;

namespace OrleansBooking.Tests.Invariants;

public sealed class SqlitePoolInvariantTests : PoolInvariantContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

[Collection(MariaDbCollection.Name)]
public sealed class MariaDbPoolInvariantTests(MariaDbFixture fixture) : PoolInvariantContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await MariaDbTestDatabase.CreateAsync(fixture);

    [Fact]
    public async Task TheDatabaseServerDyingMidBurstAcknowledgesNothingThatWasLost()
    {
        // At most 50 reservations a write, so the 300 numbers take at least six writes and the third
        // (the second of the burst) always exists, however the burst happens to be batched.
        await using var host = await BookingHost.StartAsync(Database.Options, options => options.MaxChangesPerWrite = 50);
        var pool = host.Pools.GetSlotPool("crash");
        Assert.IsType<CreatePoolOutcome.Created>(await pool.CreateAsync(BookingHost.Pool("crash", 300)));
        var killed = new TaskCompletionSource();
        host.Writes.BeforeWrite = async attempt =>
        {
            // The third write of the burst finds the server gone, as does everything after it.
            if (attempt == 3)
            {
                await fixture.Server.KillAsync();
                killed.SetResult();
            }
        };

        try
        {
            var requests = Patients.Distinct(2_000).ToList();
            var firstTry = await Task.WhenAll(requests.Select(r => Task.Run(async () =>
            {
                try
                {
                    return (r, Outcome: (ReserveOutcome?)await pool.ReserveAsync(r));
                }
                catch (GrainUnavailableException)
                {
                    return (r, Outcome: null);
                }
            })));
            // The hook runs before the third write reports back to its callers, so once every caller is answered it has run.
            Assert.True(killed.Task.IsCompleted, "The burst never reached its third write, so the server was never killed.");
            var acknowledgedBeforeRestart = Patients.Acknowledged(firstTry.Where(t => t.Outcome is not null).Select(t => t.Outcome!));
            Assert.Contains(firstTry, t => t.Outcome is null);

            await fixture.Server.StartAsync();
            host.Writes.BeforeWrite = null;
            var retried = await Task.WhenAll(firstTry.Where(t => t.Outcome is null).Select(t => Patients.ReserveUntilDecidedAsync(pool, t.r)));

            var stored = await StoredPoolRows.ReadAsync(Database, "crash");
            stored.AssertInvariants();
            stored.AssertContains(acknowledgedBeforeRestart);
            stored.AssertContains(Patients.Acknowledged(retried));
            Assert.Equal(300, stored.Active.Count);
        }
        finally
        {
            if (!fixture.Server.IsRunning) await fixture.Server.StartAsync();
        }
    }
}
