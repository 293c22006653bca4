using OrleansBooking.Grains.Runtime;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Benchmarks;

/// <summary>The three ways of taking reservations that are compared.</summary>
public enum EngineMode
{
    /// <summary>The actor engine as shipped: many reservations per transaction.</summary>
    GroupCommit,

    /// <summary>The actor engine with writes capped at one change: one transaction per reservation.</summary>
    OneWritePerReservation,

    /// <summary>No actor: each reservation is a transaction that locks the pool row.</summary>
    Conventional,
}

/// <summary>One engine on one fresh database, ready to take reservations.</summary>
public sealed class EngineUnderTest : IAsyncDisposable
{
    private readonly GrainRuntime? runtime;

    private EngineUnderTest(IBookingStore store, ISlotPoolGrainFactory pools, GrainRuntime? runtime)
    {
        Store = store;
        Pools = pools;
        this.runtime = runtime;
    }

    public IBookingStore Store { get; }

    public ISlotPoolGrainFactory Pools { get; }

    public static async Task<EngineUnderTest> StartAsync(EngineMode mode, StorageOptions storage, int reservations)
    {
        var store = BookingStoreFactory.Create(storage);
        await store.MigrateAsync(CancellationToken.None);
        var rules = new SlotPoolRules();
        if (mode == EngineMode.Conventional)
            return new EngineUnderTest(store, store.CreateConventionalEngine(TimeProvider.System, rules), runtime: null);

        var options = new GrainRuntimeOptions
        {
            // Every caller of the run may queue at once; the benchmark measures throughput, not shedding.
            MailboxCapacity = Math.Max(GrainRuntimeOptions.DefaultMailboxCapacity, reservations),
            CallTimeout = TimeSpan.FromMinutes(5),
            MaxChangesPerWrite = mode == EngineMode.OneWritePerReservation ? 1 : GrainRuntimeOptions.DefaultMaxChangesPerWrite,
        };
        var runtime = new GrainRuntime(options, TimeProvider.System);
        return new EngineUnderTest(store, runtime.AddSlotPools(store.SlotPools, TimeProvider.System, rules), runtime);
    }

    public async ValueTask DisposeAsync()
    {
        if (runtime is not null) await runtime.DisposeAsync();
        await Store.DisposeAsync();
    }
}
