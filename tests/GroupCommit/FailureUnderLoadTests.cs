using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Tests.GroupCommit;

public sealed class FailureUnderLoadTests
{
    private const int Callers = 1_000;

    [Fact]
    public async Task AWriteFailingAmidAThousandCallersLosesNoAcknowledgedEntryAndStoresNoneTwice()
    {
        FailingWrite? failing = null;
        await using var harness = await LedgerHarness.StartAsync(
            o => o.MaxChangesPerWrite = 50,
            inner => failing = new FailingWrite(inner, failingWrite: 3));
        var ledger = harness.Ledger();
        var keys = Enumerable.Range(0, Callers).Select(i => $"k-{i:D4}").ToList();

        // The first write is held while the calls pour in, so a backlog builds; the third write
        // fails with that backlog behind it, while the last calls may still be arriving.
        harness.Storage.HoldWrites();
        var calls = keys.Select(ledger.AppendAsync).ToList();
        await harness.WriteAtGateAsync();
        harness.Storage.ReleaseWrites();
        var settled = await SettleAsync(keys, calls);

        var acknowledged = settled.Where(s => s.Outcome is not null).Select(s => (s.Key, s.Outcome!.Position)).ToList();
        var faulted = settled.Where(s => s.Fault is not null).ToList();
        Assert.True(failing!.Attempts >= 3, $"Expected the third write to be attempted; saw {failing.Attempts} writes.");
        Assert.True(faulted.Count > 0, $"Expected the failed write's callers to get faults; all {Callers} were acknowledged.");
        Assert.All(faulted, s => Assert.False(s.Fault!.IsVersionConflict, $"Expected a storage fault for {s.Key}, not a version conflict."));
        Assert.All(settled.Where(s => s.Outcome is not null), s => Assert.False(s.Outcome!.Replayed, $"Expected {s.Key} appended anew, not replayed."));

        // Storage holds exactly the acknowledged entries, once each, where their callers were told.
        var stored = harness.Stored();
        Assert.Empty(Duplicates(stored));
        Assert.Equal(stored.Select((key, index) => (key, index + 1)), acknowledged.OrderBy(a => a.Position));

        // A faulted caller retries with the same key: its entry was never stored, so it is added once.
        var retried = await Task.WhenAll(faulted.Select(s => ledger.AppendAsync(s.Key)));
        Assert.All(retried, outcome => Assert.False(outcome.Replayed, $"Expected a faulted entry to be absent before its retry; position {outcome.Position} was already there."));
        var afterRetry = harness.Stored();
        Assert.Empty(Duplicates(afterRetry));
        Assert.Equal(keys, afterRetry.Order(StringComparer.Ordinal));
        Assert.Equal(stored, afterRetry.Take(stored.Count));

        // Retrying an acknowledged call finds its entry where it was and adds nothing.
        var replays = await Task.WhenAll(acknowledged.Select(a => ledger.AppendAsync(a.Key)));
        Assert.Equal(acknowledged.Select(a => new AppendOutcome(a.Position, Replayed: true)), replays);
        Assert.Equal(afterRetry, harness.Stored());
    }

    private static async Task<(string Key, AppendOutcome? Outcome, GrainStorageException? Fault)[]> SettleAsync(
        IReadOnlyList<string> keys, IReadOnlyList<Task<AppendOutcome>> calls) =>
        await Task.WhenAll(calls.Select(async (call, i) =>
        {
            try
            {
                return (keys[i], (AppendOutcome?)await call, (GrainStorageException?)null);
            }
            catch (GrainStorageException fault)
            {
                return (keys[i], null, fault);
            }
        }));

    private static List<string> Duplicates(IEnumerable<string> keys) =>
        [.. keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}")];

    /// <summary>Storage whose n-th write fails (storing nothing); every other write passes through.</summary>
    private sealed class FailingWrite(IChangeStorage<LedgerState, LedgerEntry> inner, int failingWrite) : IChangeStorage<LedgerState, LedgerEntry>
    {
        private int attempts;

        public int Attempts => Volatile.Read(ref attempts);

        public Task<StoredState<LedgerState>?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

        public Task WriteAsync(string key, long expectedVersion, IReadOnlyList<LedgerEntry> changes, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref attempts) == failingWrite
                ? throw new IOException($"write {failingWrite} lost")
                : inner.WriteAsync(key, expectedVersion, changes, cancellationToken);
    }
}
