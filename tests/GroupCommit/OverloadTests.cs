using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Tests.GroupCommit;

public sealed class OverloadTests
{
    [Fact]
    public async Task CallsBeyondMaxWaitingCallsFailFastWhileTheWaitingOnesStillComplete()
    {
        await using var harness = await LedgerHarness.StartAsync(o => o.MaxWaitingCalls = 5);
        var ledger = harness.Ledger();
        harness.Storage.HoldWrites();
        var first = ledger.AppendAsync("w-0");
        await harness.WriteAtGateAsync();
        var waiting = Enumerable.Range(1, 4).Select(i => ledger.AppendAsync($"w-{i}")).ToList();
        await harness.DecidedAsync(5);

        var refused = await Assert.ThrowsAsync<GrainOverloadedException>(() => ledger.AppendAsync("over-1"));
        await Assert.ThrowsAsync<GrainOverloadedException>(() => ledger.AppendAsync("over-2"));

        Assert.Equal("LedgerGrain/ledger has 5 calls waiting; refusing more.", refused.Message);
        Assert.Equal(5, harness.Decisions.Count);
        var answeredEarly = waiting.Count(c => c.IsCompleted) + (first.IsCompleted ? 1 : 0);
        Assert.True(answeredEarly == 0, $"Expected no waiting call answered while the write is held; {answeredEarly} were.");
        harness.Storage.ReleaseWrites();
        var outcomes = await Task.WhenAll([first, .. waiting]);

        Assert.Equal([1, 2, 3, 4, 5], outcomes.Select(o => o.Position).Order());
        Assert.Equal(["w-0", "w-1", "w-2", "w-3", "w-4"], harness.Stored().Order(StringComparer.Ordinal));
        // Answered callers no longer count as waiting.
        Assert.Equal(new AppendOutcome(6, Replayed: false), await ledger.AppendAsync("after"));
    }
}
