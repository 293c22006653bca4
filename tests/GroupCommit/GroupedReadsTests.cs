using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.GroupCommit;

public sealed class GroupedReadsTests
{
    [Fact]
    public async Task LoadsAskedForWhileABatchReadIsInFlightShareTheNextOne()
    {
        var store = new HeldBatchReader();
        store.Stored["k-01"] = new LedgerEntry("one");
        var grouped = new GroupedReads<LedgerState, LedgerEntry>(store.Inner, store);

        var first = grouped.ReadAsync("k-00", CancellationToken.None);
        await store.BatchArrivedAsync();
        var queued = Enumerable.Range(1, 50).Select(i => grouped.ReadAsync($"k-{i:D2}", CancellationToken.None)).ToList();
        store.Release(batches: 2);
        await Task.WhenAll([first, .. queued]);

        Assert.Equal([1, 50], store.BatchSizes);
        Assert.Null(await first);
        Assert.Equal(["one"], (await queued[0])!.State.Keys);
        Assert.All(queued.Skip(1), q => Assert.Null(q.Result));
        Assert.Equal(0, store.Inner.Reads);
    }

    [Fact]
    public async Task ABacklogIsReadInBatchesOfAtMostMaxKeysPerRead()
    {
        var store = new HeldBatchReader();
        var grouped = new GroupedReads<LedgerState, LedgerEntry>(store.Inner, store, maxKeysPerRead: 20);

        var first = grouped.ReadAsync("k-00", CancellationToken.None);
        await store.BatchArrivedAsync();
        var queued = Enumerable.Range(1, 50).Select(i => grouped.ReadAsync($"k-{i:D2}", CancellationToken.None)).ToList();
        store.Release(batches: 4);
        await Task.WhenAll([first, .. queued]);

        Assert.Equal([1, 20, 20, 10], store.BatchSizes);
    }

    [Fact]
    public async Task AKeyAskedForTwiceGetsTwoDistinctStates()
    {
        var store = new HeldBatchReader();
        store.Stored["k-1"] = new LedgerEntry("one");
        store.Inner.WriteBehindTheActivationsBack("k-1", new LedgerEntry("one"));
        var grouped = new GroupedReads<LedgerState, LedgerEntry>(store.Inner, store);
        var first = grouped.ReadAsync("k-0", CancellationToken.None);
        await store.BatchArrivedAsync();

        var a = grouped.ReadAsync("k-1", CancellationToken.None);
        var b = grouped.ReadAsync("k-1", CancellationToken.None);
        store.Release(batches: 2);
        await Task.WhenAll(first, a, b);

        Assert.Equal([1, 1], store.BatchSizes);
        Assert.NotSame((await a)!.State, (await b)!.State);
        Assert.Equal(["one"], (await a)!.State.Keys);
        Assert.Equal(["one"], (await b)!.State.Keys);
        Assert.Equal(1, store.Inner.Reads);
    }

    [Fact]
    public async Task AFailingBatchFailsOnlyItsOwnLoads()
    {
        var store = new HeldBatchReader();
        store.Stored["k-1"] = new LedgerEntry("one");
        store.Stored["k-2"] = new LedgerEntry("two");
        var grouped = new GroupedReads<LedgerState, LedgerEntry>(store.Inner, store);
        // The first batch is in flight before the others are asked for, so they share the next one
        // (asking for two at once would race the first batch's start).
        var first = grouped.ReadAsync("k-0", CancellationToken.None);
        await store.BatchArrivedAsync();
        var nextBatch = grouped.ReadAsync("k-1", CancellationToken.None);
        var sameNextBatch = grouped.ReadAsync("k-2", CancellationToken.None);

        var fault = new IOException("database restarting");
        store.FailNext = fault;
        store.Release(batches: 2);

        Assert.Same(fault, await Assert.ThrowsAsync<IOException>(() => first));
        Assert.Equal(["one"], (await nextBatch)!.State.Keys);
        Assert.Equal(["two"], (await sameNextBatch)!.State.Keys);
        Assert.Equal([1, 2], store.BatchSizes);
    }

    /// <summary>A batch reader whose reads wait at a gate, let through one batch per release.</summary>
    private sealed class HeldBatchReader : IBatchReader<LedgerState>
    {
        private readonly SemaphoreSlim gate = new(0);
        private readonly SemaphoreSlim arrived = new(0);
        private readonly List<int> batchSizes = [];

        public InMemoryChangeStorage<LedgerState, LedgerEntry> Inner { get; } = new(LedgerState.Empty);

        /// <summary>What the batch reads find: one entry per key.</summary>
        public Dictionary<string, LedgerEntry> Stored { get; } = [];

        public IReadOnlyList<int> BatchSizes
        {
            get
            {
                lock (batchSizes) return [.. batchSizes];
            }
        }

        public Exception? FailNext { get; set; }

        public void Release(int batches) => gate.Release(batches);

        public async Task BatchArrivedAsync()
        {
            var came = await arrived.WaitAsync(LedgerHarness.Patience);
            Assert.True(came, $"Expected a batch read to arrive within {LedgerHarness.Patience.TotalSeconds} s; none did.");
        }

        public async Task<IReadOnlyDictionary<string, StoredState<LedgerState>>> ReadManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        {
            arrived.Release();
            await gate.WaitAsync(cancellationToken);
            lock (batchSizes) batchSizes.Add(keys.Count);
            if (FailNext is { } fault)
            {
                FailNext = null;
                throw fault;
            }
            var found = new Dictionary<string, StoredState<LedgerState>>();
            foreach (var key in keys)
            {
                if (!Stored.TryGetValue(key, out var entry)) continue;
                var state = LedgerState.Empty();
                state.Apply(entry);
                found[key] = new StoredState<LedgerState>(state, 1);
            }
            return found;
        }
    }
}
