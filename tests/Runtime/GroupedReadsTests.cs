using OrleansBooking.Grains.Runtime;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.Runtime;

public sealed class GroupedReadsTests
{
    [Fact]
    public async Task LoadsAskedForWhileABatchIsInFlightShareTheNextRead()
    {
        var store = new HeldBatchReader();
        store.Stored["k-1"] = new LedgerEntry("one");
        var grouped = new GroupedReads<LedgerState, LedgerEntry>(store.Inner, store);

        var first = grouped.ReadAsync("k-0", CancellationToken.None);
        await store.BatchArrived.WaitAsync();
        var queued = Enumerable.Range(1, 50).Select(i => grouped.ReadAsync($"k-{i}", CancellationToken.None)).ToList();
        store.Release();
        store.Release();
        await Task.WhenAll([first, .. queued]);

        Assert.Equal([1, 50], store.BatchSizes);
        Assert.Null(await first);
        Assert.Equal(["one"], (await queued[0])!.State.Entries);
        Assert.All(queued.Skip(1), q => Assert.Null(q.Result));
    }

    [Fact]
    public async Task AFailedBatchFailsOnlyItsOwnLoads()
    {
        var store = new HeldBatchReader();
        var grouped = new GroupedReads<LedgerState, LedgerEntry>(store.Inner, store);
        var first = grouped.ReadAsync("k-0", CancellationToken.None);
        await store.BatchArrived.WaitAsync();
        var second = grouped.ReadAsync("k-1", CancellationToken.None);

        store.FailNext = new IOException("database restarting");
        store.Release();
        store.Release();

        await Assert.ThrowsAsync<IOException>(() => first);
        Assert.Null(await second);
    }

    [Fact]
    public async Task AKeyAskedForTwiceInOneBatchGetsTwoSeparateStates()
    {
        var store = new HeldBatchReader();
        store.Stored["k-1"] = new LedgerEntry("one");
        store.Inner.WriteBehindTheActivationsBack("k-1", new LedgerEntry("one"));
        var grouped = new GroupedReads<LedgerState, LedgerEntry>(store.Inner, store);
        var first = grouped.ReadAsync("k-0", CancellationToken.None);
        await store.BatchArrived.WaitAsync();

        var a = grouped.ReadAsync("k-1", CancellationToken.None);
        var b = grouped.ReadAsync("k-1", CancellationToken.None);
        store.Release();
        store.Release();
        await Task.WhenAll(first, a, b);

        Assert.NotSame((await a)!.State, (await b)!.State);
        Assert.Equal((await a)!.State.Entries, (await b)!.State.Entries);
    }

    /// <summary>A batch reader whose reads wait at a gate, released one batch at a time.</summary>
    private sealed class HeldBatchReader : IGrainBatchReader<LedgerState>
    {
        private readonly SemaphoreSlim gate = new(0);

        public InMemoryGrainStorage<LedgerState, LedgerEntry> Inner { get; } = new(() => new LedgerState());

        public Dictionary<string, LedgerEntry> Stored { get; } = [];

        public List<int> BatchSizes { get; } = [];

        public SemaphoreSlim BatchArrived { get; } = new(0);

        public Exception? FailNext { get; set; }

        public void Release() => gate.Release();

        public async Task<IReadOnlyDictionary<string, StoredState<LedgerState>>> ReadManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        {
            BatchArrived.Release();
            await gate.WaitAsync(cancellationToken);
            lock (BatchSizes) BatchSizes.Add(keys.Count);
            if (FailNext is { } fault)
            {
                FailNext = null;
                throw fault;
            }
            var found = new Dictionary<string, StoredState<LedgerState>>();
            foreach (var key in keys)
            {
                if (!Stored.TryGetValue(key, out var entry)) continue;
                var state = new LedgerState();
                state.Apply(entry);
                found[key] = new StoredState<LedgerState>(state, 1);
            }
            return found;
        }
    }
}
