using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Tests.GroupCommit;

public sealed class FailedWriteTests
{
    [Fact]
    public async Task AFailedWriteFailsEveryCallerOfItAndOfEverythingDecidedAfterItAndUndoesThemAtOnce()
    {
        await using var harness = await LedgerHarness.StartAsync();
        var ledger = harness.Ledger();
        await ledger.AppendAsync("durable");
        harness.Storage.HoldWrites();
        var inFailedWrite = ledger.AppendAsync("lost-00");
        await harness.WriteAtGateAsync();
        var decidedAfter = Enumerable.Range(1, 10).Select(i => ledger.AppendAsync($"lost-{i:D2}")).ToList();
        await harness.DecidedAsync(12);
        Assert.Equal(12, (await ledger.DecidedAsync()).Length);

        harness.Storage.FailNextWrite(new IOException("disk gone"));
        harness.Storage.ReleaseWrites();

        var first = await Assert.ThrowsAsync<GrainStorageException>(() => inFailedWrite);
        // The undo happened in the same turn that failed the callers: nothing can have been decided on top of it.
        Assert.Equal(["durable"], await ledger.DecidedAsync());
        Assert.False(first.IsVersionConflict, "Expected a storage fault, not a version conflict.");
        Assert.Equal("LedgerGrain/ledger could not reach its storage: disk gone", first.Message);
        foreach (var call in decidedAfter)
        {
            var fault = await Assert.ThrowsAsync<GrainStorageException>(() => call);
            Assert.False(fault.IsVersionConflict, "Expected a storage fault, not a version conflict.");
        }
        Assert.Equal(["durable"], await ledger.CommittedAsync());
        Assert.Equal(["durable"], harness.Stored());

        Assert.Equal(new AppendOutcome(2, Replayed: false), await ledger.AppendAsync("after"));
        Assert.Equal(["durable", "after"], harness.Stored());
        Assert.Equal([1, 1], harness.Storage.CommittedBatchSizes);
    }
}
