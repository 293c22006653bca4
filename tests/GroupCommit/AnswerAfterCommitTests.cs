namespace OrleansBooking.Tests.GroupCommit;

public sealed class AnswerAfterCommitTests
{
    [Fact]
    public async Task ACallerIsAnsweredOnlyAfterTheWriteHoldingItsEntryCommits()
    {
        await using var harness = await LedgerHarness.StartAsync();
        var ledger = harness.Ledger();
        harness.Storage.HoldWrites();

        var call = ledger.AppendAsync("waits");
        await harness.WriteAtGateAsync();
        // A read answered after the append was decided: an early reply to the append would be back by now.
        Assert.Empty(await ledger.CommittedAsync());

        Assert.False(call.IsCompleted, $"Expected no answer while the write is held; the call was already {call.Status}.");
        Assert.Empty(harness.Stored());
        harness.Storage.ReleaseWrites();
        Assert.Equal(new AppendOutcome(1, Replayed: false), await call);
        Assert.Equal(["waits"], harness.Stored());
    }

    [Fact]
    public async Task AReplayIsAnsweredOnlyOnceEverythingDecidedBeforeItCommits()
    {
        await using var harness = await LedgerHarness.StartAsync();
        var ledger = harness.Ledger();
        await ledger.AppendAsync("a");
        harness.Storage.HoldWrites();

        var pending = ledger.AppendAsync("b");
        await harness.WriteAtGateAsync();
        var replay = ledger.AppendAsync("a");
        await harness.DecidedAsync(3);
        Assert.Equal(["a"], await ledger.CommittedAsync());

        Assert.False(replay.IsCompleted, $"Expected the replay to wait for the write decided before it; the call was already {replay.Status}.");
        harness.Storage.ReleaseWrites();
        Assert.Equal(new AppendOutcome(1, Replayed: true), await replay);
        Assert.Equal(new AppendOutcome(2, Replayed: false), await pending);
        Assert.Equal(["a", "b"], harness.Stored());
    }
}
