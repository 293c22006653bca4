using OrleansBooking.Grains.Runtime;

namespace OrleansBooking.Tests.Runtime;

public sealed class MailboxTests
{
    [Fact]
    public async Task AFullMailboxFailsFastWithOverloaded()
    {
        await using var harness = new RuntimeHarness(o => o.MailboxCapacity = 3);
        var ledger = harness.Ledger();
        var gate = new TaskCompletionSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = ledger.CallAsync(g => g.AppendAfter(entered, gate.Task, "blocker"));
        await entered.Task;
        var queued = Enumerable.Range(0, 3).Select(i => ledger.CallAsync(g => g.Append($"q{i}"))).ToList();

        var refused = Assert.ThrowsAsync<GrainOverloadedException>(() => ledger.CallAsync(g => g.Append("one too many")));

        var error = await refused;
        Assert.True(refused.IsCompleted, "The overloaded call must fail at once, not queue.");
        Assert.True(error.RetryAfter > TimeSpan.Zero);
        gate.SetResult();
        await Task.WhenAll([blocker, .. queued]);
        Assert.Equal(["blocker", "q0", "q1", "q2"], await ledger.CallAsync(g => g.Read()));
    }

    [Fact]
    public async Task ACallNotAnsweredInTimeFailsWithTimeoutAndIsNeverRun()
    {
        await using var harness = new RuntimeHarness(o => o.CallTimeout = TimeSpan.FromSeconds(5));
        var ledger = harness.Ledger();
        var gate = new TaskCompletionSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = ledger.CallAsync(g => g.AppendAfter(entered, gate.Task, "blocker"));
        await entered.Task;
        var late = ledger.CallAsync(g => g.Append("late"));

        harness.Clock.Advance(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => late);
        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => blocker);
        gate.SetResult();
        var entries = await ledger.CallAsync(g => g.Read());
        Assert.DoesNotContain("late", entries);
    }
}
