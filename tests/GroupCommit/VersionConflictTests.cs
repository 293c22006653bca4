using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Tests.GroupCommit;

public sealed class VersionConflictTests
{
    [Fact]
    public async Task AConflictFailsTheCallersDeactivatesAndTheNextCallSeesTheOtherWriter()
    {
        await using var harness = await LedgerHarness.StartAsync();
        var ledger = harness.Ledger();
        await ledger.AppendAsync("mine");
        harness.Storage.WriteBehindTheActivationsBack(LedgerHarness.DefaultLedger, new LedgerEntry("theirs"));
        harness.Storage.HoldWrites();
        var stale = Enumerable.Range(0, 5).Select(i => ledger.AppendAsync($"stale-{i}")).ToList();
        await harness.WriteAtGateAsync();
        await harness.DecidedAsync(6);

        harness.Storage.ReleaseWrites();

        foreach (var call in stale)
        {
            var fault = await Assert.ThrowsAsync<GrainStorageException>(() => call);
            Assert.True(fault.IsVersionConflict, $"Expected a version conflict; got a storage fault: {fault.Message}");
        }
        Assert.Equal(["mine", "theirs"], harness.Stored());

        // The stale activation is gone: the next call loads again and decides on what storage holds.
        Assert.Equal(new AppendOutcome(3, Replayed: false), await ledger.AppendAsync("fresh"));
        Assert.Equal(2, harness.Storage.Reads);
        Assert.Equal(["mine", "theirs", "fresh"], await ledger.CommittedAsync());
        Assert.Equal(new AppendOutcome(2, Replayed: true), await ledger.AppendAsync("theirs"));
        Assert.Equal(["mine", "theirs", "fresh"], harness.Stored());
    }
}
