namespace OrleansBooking.Tests.GroupCommit;

public sealed class CommittedReadTests
{
    [Fact]
    public async Task AReadOfCommittedStateIsAnsweredWhileAWriteIsHeld()
    {
        await using var harness = await LedgerHarness.StartAsync();
        var ledger = harness.Ledger();
        await ledger.AppendAsync("committed");
        harness.Storage.HoldWrites();
        var pending = ledger.AppendAsync("pending");
        await harness.WriteAtGateAsync();

        string[] read = [];
        try
        {
            read = await ledger.CommittedAsync().WaitAsync(LedgerHarness.Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Expected the read answered while the write is held; no answer within {LedgerHarness.Patience.TotalSeconds} s.");
        }

        Assert.Equal(["committed"], read);
        Assert.Equal(["committed", "pending"], await ledger.DecidedAsync());
        Assert.False(pending.IsCompleted, $"Expected the append unanswered while its write is held; it was already {pending.Status}.");
        harness.Storage.ReleaseWrites();
        await pending;
        Assert.Equal(["committed", "pending"], await ledger.CommittedAsync());
    }
}
