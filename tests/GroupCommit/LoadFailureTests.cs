using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Tests.GroupCommit;

public sealed class LoadFailureTests
{
    [Fact]
    public async Task ALoadThatFailsFailsTheCallRetryablyAndTheNextCallLoadsAgain()
    {
        await using var harness = await LedgerHarness.StartAsync(wrap: inner => new FirstReadFails(inner));
        harness.Storage.WriteBehindTheActivationsBack(LedgerHarness.DefaultLedger, new LedgerEntry("stored"));
        var ledger = harness.Ledger();

        var fault = await Assert.ThrowsAsync<GrainStorageException>(() => ledger.AppendAsync("first try"));

        Assert.False(fault.IsVersionConflict, "Expected a storage fault, not a version conflict.");
        Assert.Equal("LedgerGrain/ledger could not reach its storage: database restarting", fault.Message);
        Assert.Equal(0, harness.Decisions.Count);
        Assert.Equal(new AppendOutcome(2, Replayed: false), await ledger.AppendAsync("first try"));
        Assert.Equal(["stored", "first try"], harness.Stored());
    }

    /// <summary>Storage whose first read fails, as a database does while it restarts.</summary>
    private sealed class FirstReadFails(IChangeStorage<LedgerState, LedgerEntry> inner) : IChangeStorage<LedgerState, LedgerEntry>
    {
        private int reads;

        public Task<StoredState<LedgerState>?> ReadAsync(string key, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref reads) == 1
                ? throw new IOException("database restarting")
                : inner.ReadAsync(key, cancellationToken);

        public Task WriteAsync(string key, long expectedVersion, IReadOnlyList<LedgerEntry> changes, CancellationToken cancellationToken) =>
            inner.WriteAsync(key, expectedVersion, changes, cancellationToken);
    }
}
