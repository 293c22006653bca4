using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.SlotPools;

public sealed class CommittedSnapshotTests
{
    [Fact]
    public async Task TheSnapshotShowsOnlyCommittedReservations()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync();
        await pool.ReserveAsync(new ReserveRequest("patient-1"));
        harness.Storage.HoldWrites();

        var pending = pool.ReserveAsync(new ReserveRequest("patient-2"));
        await harness.Storage.WritesAtGate.WaitAsync();
        var whileWriting = (await pool.GetSnapshotAsync())!;
        harness.Storage.ReleaseWrites();
        await pending;
        var afterCommit = (await pool.GetSnapshotAsync())!;

        Assert.Equal(1, whileWriting.Booked);
        Assert.Equal(2, afterCommit.Booked);
        Assert.True(afterCommit.Version > whileWriting.Version, "The version must move with each commit.");
    }

    [Fact]
    public async Task AReloadedPoolShowsWhatWasCommitted()
    {
        await using var harness = await PoolHarness.StartAsync();
        var pool = await harness.CreateReleasedPoolAsync(quota: 7);
        await pool.ReserveAsync(new ReserveRequest("patient-1"));
        var before = (await pool.GetSnapshotAsync())!;

        Assert.True(await harness.Host.CollectIfIdleAsync(pool), "Expected the idle pool collected; it is still in memory.");
        var reloaded = (await pool.GetSnapshotAsync())!;

        Assert.Equal(2, harness.Storage.Reads);
        Assert.Equal(before, reloaded);
    }
}
