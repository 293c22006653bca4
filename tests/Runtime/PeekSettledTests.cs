namespace OrleansBooking.Tests.Runtime;

public sealed class PeekSettledTests
{
    [Fact]
    public async Task ASettledActivationCanBeReadWithoutATurn()
    {
        await using var harness = new RuntimeHarness();
        var ledger = harness.Ledger();
        await ledger.CallAsync(g => g.Append("committed"));

        Assert.Equal("ledger", ledger.PeekSettled(g => g.Key));
    }

    [Fact]
    public async Task WhileADecisionIsUnwrittenNothingIsReadWithoutATurn()
    {
        await using var harness = new RuntimeHarness();
        var ledger = harness.Ledger();
        await ledger.CallAsync(g => g.Append("committed"));
        harness.Storage.HoldWrites();
        var pending = ledger.CallAsync(g => g.Append("pending"));
        await harness.Storage.WritesAtGate.WaitAsync();

        var whileWriting = ledger.PeekSettled(g => g.Key);
        harness.Storage.ReleaseWrites();
        await pending;
        // The reply is released by the loop after the commit; a turn behind it proves the loop is done.
        await TurnProbe.ReadBehindQueue(ledger).Reply;

        Assert.Null(whileWriting);
        Assert.Equal("ledger", ledger.PeekSettled(g => g.Key));
    }

    [Fact]
    public async Task AnActivationNotYetLoadedIsNotRead()
    {
        await using var harness = new RuntimeHarness();

        Assert.Null(harness.Ledger("never-called").PeekSettled(g => g.Key));
    }
}
