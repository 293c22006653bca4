namespace OrleansBooking.Tests.Runtime;

public sealed class IdleCollectionTests
{
    [Fact]
    public async Task AnActivationUnusedForTheIdleAgeIsDeactivatedAndReloadsOnTheNextCall()
    {
        // The sweep timer is pushed out of the way: these tests sweep by hand.
        await using var harness = new RuntimeHarness(o =>
        {
            o.IdleAge = TimeSpan.FromMinutes(15);
            o.CollectionInterval = TimeSpan.FromDays(1);
            o.CallTimeout = TimeSpan.FromDays(1);
        });
        await harness.Ledger().CallAsync(g => g.Append("kept"));

        harness.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, await harness.Runtime.CollectIdleActivationsAsync());
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await harness.Runtime.CollectIdleActivationsAsync());

        Assert.Equal(0, harness.Runtime.ActivationCount);
        Assert.Equal(["kept"], await harness.Ledger().CallAsync(g => g.Read()));
        Assert.Equal(2, harness.Storage.Reads);
    }

    [Fact]
    public async Task AnActivationWithAWriteInFlightIsNotDeactivatedUntilTheWriteCompletes()
    {
        // The sweep timer is pushed out of the way: these tests sweep by hand.
        await using var harness = new RuntimeHarness(o =>
        {
            o.IdleAge = TimeSpan.FromMinutes(15);
            o.CollectionInterval = TimeSpan.FromDays(1);
            o.CallTimeout = TimeSpan.FromDays(1);
        });
        harness.Storage.HoldWrites();
        var call = harness.Ledger().CallAsync(g => g.Append("in flight"));
        await harness.Storage.WritesAtGate.WaitAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(0, await harness.Runtime.CollectIdleActivationsAsync());
        harness.Storage.ReleaseWrites();
        await call;
        Assert.Equal(1, await harness.Runtime.CollectIdleActivationsAsync());
        Assert.Equal([new LedgerEntry("in flight")], harness.Storage.CommittedChanges("ledger"));
    }

    [Fact]
    public async Task TheCollectionTimerRunsOnTheConfiguredInterval()
    {
        await using var harness = new RuntimeHarness(o =>
        {
            o.IdleAge = TimeSpan.FromMinutes(15);
            o.CollectionInterval = TimeSpan.FromMinutes(1);
        });
        await harness.Ledger().CallAsync(g => g.Append("x"));

        harness.Clock.Advance(TimeSpan.FromMinutes(14));
        await harness.Runtime.LastTimedCollection;
        Assert.Equal(1, harness.Runtime.ActivationCount);

        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        await harness.Runtime.LastTimedCollection;
        Assert.Equal(0, harness.Runtime.ActivationCount);
    }
}
