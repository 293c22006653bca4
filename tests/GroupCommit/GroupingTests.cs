namespace OrleansBooking.Tests.GroupCommit;

public sealed class GroupingTests
{
    [Fact]
    public async Task CallsDecidedWhileAWriteIsHeldAllGoIntoTheNextWrite()
    {
        await using var harness = await LedgerHarness.StartAsync();
        var ledger = harness.Ledger();
        harness.Storage.HoldWrites();
        var first = ledger.AppendAsync("first");
        await harness.WriteAtGateAsync();

        var during = Enumerable.Range(0, 500).Select(i => ledger.AppendAsync($"d-{i:D3}")).ToList();
        await harness.DecidedAsync(501);
        var answeredEarly = during.Count(c => c.IsCompleted);
        harness.Storage.ReleaseWrites();
        var outcomes = await Task.WhenAll([first, .. during]);

        Assert.True(answeredEarly == 0, $"Expected no call answered while the first write was held; {answeredEarly} were.");
        Assert.Equal([1, 500], harness.Storage.CommittedBatchSizes);
        Assert.Equal(1, harness.Storage.MaxWritesInFlight);
        AssertEachAnswerIsWhereItsEntryIsStored(harness, ["first", .. Enumerable.Range(0, 500).Select(i => $"d-{i:D3}")], outcomes);
    }

    [Fact]
    public async Task ABacklogIsSplitIntoConsecutiveWritesOfAtMostMaxChangesPerWrite()
    {
        await using var harness = await LedgerHarness.StartAsync(o => o.MaxChangesPerWrite = 40);
        var ledger = harness.Ledger();
        harness.Storage.HoldWrites();
        var first = ledger.AppendAsync("first");
        await harness.WriteAtGateAsync();

        var backlog = Enumerable.Range(0, 100).Select(i => ledger.AppendAsync($"b-{i:D3}")).ToList();
        await harness.DecidedAsync(101);
        harness.Storage.ReleaseWrites();
        var outcomes = await Task.WhenAll([first, .. backlog]);

        Assert.Equal([1, 40, 40, 20], harness.Storage.CommittedBatchSizes);
        Assert.Equal(1, harness.Storage.MaxWritesInFlight);
        AssertEachAnswerIsWhereItsEntryIsStored(harness, ["first", .. Enumerable.Range(0, 100).Select(i => $"b-{i:D3}")], outcomes);
    }

    /// <summary>Storage holds exactly the keys asked for, each once, each where its caller was told.</summary>
    private static void AssertEachAnswerIsWhereItsEntryIsStored(LedgerHarness harness, IReadOnlyList<string> keys, AppendOutcome[] outcomes)
    {
        var stored = harness.Stored();
        Assert.Equal(keys.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        Assert.Equal(
            stored.Select((key, index) => (key, index + 1)),
            keys.Zip(outcomes, (key, outcome) => (key, outcome.Position)).OrderBy(answer => answer.Position));
        Assert.All(outcomes, outcome => Assert.False(outcome.Replayed, $"Expected every key appended anew; position {outcome.Position} was a replay."));
    }
}
