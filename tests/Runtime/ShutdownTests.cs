namespace OrleansBooking.Tests.Runtime;

public sealed class ShutdownTests
{
    [Fact]
    public async Task DisposingTheRuntimeWaitsForWritesAlreadyDecided()
    {
        var harness = new RuntimeHarness();
        harness.Storage.HoldWrites();
        var call = harness.Ledger().CallAsync(g => g.Append("decided before shutdown"));
        await harness.Storage.WritesAtGate.WaitAsync();

        var disposing = harness.Runtime.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted, "Shutdown finished while a decided write was still in flight.");
        harness.Storage.ReleaseWrites();
        await disposing;

        Assert.Equal(1, await call);
        Assert.Equal([new LedgerEntry("decided before shutdown")], harness.Storage.CommittedChanges("ledger"));
    }
}
