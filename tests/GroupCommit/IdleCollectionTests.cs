namespace OrleansBooking.Tests.GroupCommit;

public sealed class IdleCollectionTests
{
    [Fact]
    public async Task CollectionWithAWriteHeldDropsNothingDecidedAndTheGrainReloadsIt()
    {
        await using var harness = await LedgerHarness.StartAsync();
        var ledger = harness.Ledger();
        await ledger.AppendAsync("before");
        harness.Storage.HoldWrites();
        var held = Enumerable.Range(0, 10).Select(i => ledger.AppendAsync($"held-{i}")).ToList();
        await harness.WriteAtGateAsync();
        await harness.DecidedAsync(11);

        // Callers wait on the activation for their commit, so it is not idle: it stays.
        Assert.False(await harness.Host.CollectIfIdleAsync(ledger), "Expected the ledger kept in memory while its callers wait on a held write; it was collected.");
        harness.Storage.ReleaseWrites();
        var outcomes = await Task.WhenAll(held);
        Assert.True(await harness.Host.CollectIfIdleAsync(ledger), "Expected the ledger collected once its callers were answered; it is still in memory.");

        string[] expected = ["before", .. Enumerable.Range(0, 10).Select(i => $"held-{i}")];
        Assert.Equal(expected, harness.Stored().Order(StringComparer.Ordinal));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 10, 11], outcomes.Select(o => o.Position).Order());
        Assert.Equal(harness.Stored(), await ledger.CommittedAsync());
        Assert.Equal(2, harness.Storage.Reads);
    }
}
