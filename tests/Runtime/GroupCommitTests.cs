using OrleansBooking.Grains.Runtime;

namespace OrleansBooking.Tests.Runtime;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task DecisionsMadeWhileAWriteIsInFlightGoIntoOneNextWrite()
    {
        await using var harness = new RuntimeHarness();
        var ledger = harness.Ledger();
        harness.Storage.HoldWrites();
        var first = ledger.CallAsync(g => g.Append("first"));
        await harness.Storage.WritesAtGate.WaitAsync();

        var during = Enumerable.Range(0, 100).Select(i => ledger.CallAsync(g => g.Append($"d{i}"))).ToList();
        var (allDecided, seen) = TurnProbe.ReadBehindQueue(ledger);
        await allDecided;
        harness.Storage.ReleaseWrites();
        await Task.WhenAll([first, .. during]);

        Assert.Equal(101, (await seen).Count);
        Assert.Equal([1, 100], harness.Storage.CommittedBatchSizes);
        Assert.Equal(1, harness.Storage.MaxWritesInFlight);
    }

    [Fact]
    public async Task AReplyIsHeldUntilTheWriteHoldingItsChangeCommits()
    {
        await using var harness = new RuntimeHarness();
        var ledger = harness.Ledger();
        harness.Storage.HoldWrites();

        var call = ledger.CallAsync(g => g.Append("waits"));
        await harness.Storage.WritesAtGate.WaitAsync();

        Assert.False(call.IsCompleted, "The caller was answered before its change was durable.");
        Assert.Empty(harness.Storage.CommittedChanges("ledger"));
        harness.Storage.ReleaseWrites();
        Assert.Equal(1, await call);
        Assert.Equal([new LedgerEntry("waits")], harness.Storage.CommittedChanges("ledger"));
    }

    [Fact]
    public async Task AReadOfUncommittedStateWaitsForThatCommit()
    {
        await using var harness = new RuntimeHarness();
        var ledger = harness.Ledger();
        harness.Storage.HoldWrites();
        var write = ledger.CallAsync(g => g.Append("pending"));
        await harness.Storage.WritesAtGate.WaitAsync();

        var (ran, read) = TurnProbe.ReadBehindQueue(ledger);
        await ran;
        // A second turn runs only after the first one's reply was either released or parked.
        await TurnProbe.ReadBehindQueue(ledger).Ran;

        Assert.False(read.IsCompleted, "A read that saw an uncommitted change was answered before the commit.");
        harness.Storage.ReleaseWrites();
        Assert.Equal(["pending"], await read);
    }

    [Fact]
    public async Task AReadWithNothingUnwrittenIsAnsweredWithoutWaitingForStorage()
    {
        await using var harness = new RuntimeHarness();
        var ledger = harness.Ledger();
        await ledger.CallAsync(g => g.Append("committed"));
        harness.Storage.HoldWrites();

        var entries = await ledger.CallAsync(g => g.Read());

        Assert.Equal(["committed"], entries);
    }

    [Fact]
    public async Task AFailedWriteFailsEveryCallerOfItAndOfTheDecisionsAfterIt()
    {
        await using var harness = new RuntimeHarness();
        var ledger = harness.Ledger();
        await ledger.CallAsync(g => g.Append("durable"));
        harness.Storage.HoldWrites();
        var inFailedBatch = ledger.CallAsync(g => g.Append("lost-1"));
        await harness.Storage.WritesAtGate.WaitAsync();
        var decidedAfter = Enumerable.Range(0, 10).Select(i => ledger.CallAsync(g => g.Append($"lost-after-{i}"))).ToList();
        var (allDecided, readAfter) = TurnProbe.ReadBehindQueue(ledger);
        await allDecided;

        harness.Storage.FailNextWrite(new IOException("disk gone"));
        harness.Storage.ReleaseWrites();

        var failure = await Assert.ThrowsAsync<GrainStorageException>(() => inFailedBatch);
        Assert.False(failure.IsVersionConflict);
        foreach (var call in decidedAfter) await Assert.ThrowsAsync<GrainStorageException>(() => call);
        await Assert.ThrowsAsync<GrainStorageException>(() => readAfter);
        Assert.Equal(["durable"], await ledger.CallAsync(g => g.Read()));
        Assert.Equal([new LedgerEntry("durable")], harness.Storage.CommittedChanges("ledger"));
    }

    [Fact]
    public async Task AVersionConflictUndoesTheBatchAndTheNextCallSeesTheOtherWriter()
    {
        await using var harness = new RuntimeHarness();
        var ledger = harness.Ledger();
        await ledger.CallAsync(g => g.Append("mine"));
        harness.Storage.WriteBehindTheActivationsBack("ledger", new LedgerEntry("another silo's"));

        var conflict = await Assert.ThrowsAsync<GrainStorageException>(() => ledger.CallAsync(g => g.Append("stale")));

        Assert.True(conflict.IsVersionConflict);
        Assert.Equal(["mine", "another silo's"], await ledger.CallAsync(g => g.Read()));
        Assert.Equal(3, await ledger.CallAsync(g => g.Append("fresh")));
    }

    [Fact]
    public async Task ALoadThatFailsFailsTheCallAndTheNextCallLoadsAgain()
    {
        await using var harness = new RuntimeHarness();
        var failing = new FailingReadStorage();
        harness.Runtime.Register<FlakyLedgerGrain, LedgerState, LedgerEntry>(failing, () => new FlakyLedgerGrain());
        var ledger = harness.Runtime.GetGrain<FlakyLedgerGrain>("flaky");

        await Assert.ThrowsAsync<GrainStorageException>(() => ledger.CallAsync(g => g.Count()));
        var count = await ledger.CallAsync(g => g.Count());

        Assert.Equal(0, count);
        Assert.Equal(2, failing.Reads);
    }

    [Fact]
    public async Task ALongBacklogIsSplitIntoWritesOfAtMostTheConfiguredSize()
    {
        await using var harness = new RuntimeHarness(o => o.MaxChangesPerWrite = 40);
        var ledger = harness.Ledger();
        harness.Storage.HoldWrites();
        var first = ledger.CallAsync(g => g.Append("first"));
        await harness.Storage.WritesAtGate.WaitAsync();
        var backlog = Enumerable.Range(0, 100).Select(i => ledger.CallAsync(g => g.Append($"b{i}"))).ToList();
        var (allDecided, seen) = TurnProbe.ReadBehindQueue(ledger);
        await allDecided;

        harness.Storage.ReleaseWrites();
        await Task.WhenAll([first, seen, .. backlog]);

        Assert.Equal([1, 40, 40, 20], harness.Storage.CommittedBatchSizes);
    }

    private sealed class FlakyLedgerGrain : Grain<LedgerState, LedgerEntry>
    {
        protected override LedgerState CreateInitialState(string key) => new();

        public int Count() => State.Entries.Count;
    }

    private sealed class FailingReadStorage : IGrainStorage<LedgerState, LedgerEntry>
    {
        public int Reads { get; private set; }

        public Task<StoredState<LedgerState>?> ReadAsync(string key, CancellationToken cancellationToken) =>
            ++Reads == 1 ? throw new IOException("database restarting") : Task.FromResult<StoredState<LedgerState>?>(null);

        public Task WriteAsync(string key, long expectedVersion, IReadOnlyList<LedgerEntry> changes, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}
