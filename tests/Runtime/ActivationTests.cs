namespace OrleansBooking.Tests.Runtime;

public sealed class ActivationTests
{
    [Fact]
    public async Task FirstCallSeesStateLoadedFromStorage()
    {
        await using var harness = new RuntimeHarness();
        harness.Storage.WriteBehindTheActivationsBack("ledger", new LedgerEntry("stored earlier"));

        var entries = await harness.Ledger().CallAsync(g => g.Read());

        Assert.Equal(["stored earlier"], entries);
    }

    [Fact]
    public async Task ConcurrentFirstCallsActivateOnlyOnce()
    {
        await using var harness = new RuntimeHarness();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => harness.Ledger().CallAsync(g => g.Append($"e{i}")))));

        Assert.Equal(1, harness.Storage.Reads);
        Assert.Equal(1, harness.Runtime.ActivationCount);
        Assert.Equal(200, (await harness.Ledger().CallAsync(g => g.Read())).Count);
    }

    [Fact]
    public async Task DifferentKeysGetDifferentActivations()
    {
        await using var harness = new RuntimeHarness();

        await harness.Ledger("a").CallAsync(g => g.Append("for a"));
        await harness.Ledger("b").CallAsync(g => g.Append("for b"));

        Assert.Equal(2, harness.Runtime.ActivationCount);
        Assert.Equal(["for a"], await harness.Ledger("a").CallAsync(g => g.Read()));
        Assert.Equal(["for b"], await harness.Ledger("b").CallAsync(g => g.Read()));
    }

    [Fact]
    public async Task TurnsNeverOverlapWithinAnActivation()
    {
        await using var harness = new RuntimeHarness();

        await Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => Task.Run(() => harness.Ledger().CallAsync(g => g.Append($"e{i}")))));

        var most = await harness.Ledger().CallAsync(g => g.MostTurnsAtOnce());
        Assert.True(most == 1, $"Expected one turn at a time, saw {most} at once.");
    }

    [Fact]
    public async Task CallsRunInArrivalOrder()
    {
        await using var harness = new RuntimeHarness();
        var ledger = harness.Ledger();

        var calls = Enumerable.Range(0, 500).Select(i => ledger.CallAsync(g => g.Append($"{i}"))).ToList();
        await Task.WhenAll(calls);

        var entries = await ledger.CallAsync(g => g.Read());
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"{i}"), entries);
    }

    [Fact]
    public async Task AFaultInATurnReachesItsCallerAndTheActivationGoesOn()
    {
        await using var harness = new RuntimeHarness();
        var ledger = harness.Ledger();

        var fault = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.CallAsync(ThrowBoom));
        var after = await ledger.CallAsync(g => g.Append("after"));

        Assert.Equal("boom", fault.Message);
        Assert.Equal(1, after);
    }

    [Fact]
    public async Task UnregisteredGrainClassIsRefused()
    {
        await using var harness = new RuntimeHarness();

        var error = Assert.Throws<InvalidOperationException>(() => harness.Runtime.GetGrain<string>("x"));

        Assert.Contains("String is not registered", error.Message);
    }

    private static int ThrowBoom(LedgerGrain grain) => throw new InvalidOperationException("boom");
}
