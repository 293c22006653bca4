using OrleansBooking.Grains.Runtime;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.Invariants;

/// <summary>
/// One silo's engine, without HTTP: a runtime and a store on a database that other hosts may
/// share. Writes go through a <see cref="TransactionCounter"/> so tests can count and break them.
/// </summary>
public sealed class BookingHost : IAsyncDisposable
{
    private BookingHost(IBookingStore store, GrainRuntime runtime, TransactionCounter writes, ISlotPoolGrainFactory pools)
    {
        Store = store;
        Runtime = runtime;
        Writes = writes;
        Pools = pools;
    }

    public IBookingStore Store { get; }

    public GrainRuntime Runtime { get; }

    public TransactionCounter Writes { get; }

    public ISlotPoolGrainFactory Pools { get; }

    /// <summary>The instant the test pools are released; every host's clock stands there.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8));

    public static async Task<BookingHost> StartAsync(StorageOptions storage, Action<GrainRuntimeOptions>? configure = null)
    {
        var store = BookingStoreFactory.Create(storage);
        await store.MigrateAsync(CancellationToken.None);
        var options = new GrainRuntimeOptions { MailboxCapacity = 50_000 };
        configure?.Invoke(options);
        var clock = new ManualClock(Now);
        var runtime = new GrainRuntime(options, clock);
        var writes = new TransactionCounter(store.SlotPools);
        return new BookingHost(store, runtime, writes, runtime.AddSlotPools(writes, clock, new SlotPoolRules()));
    }

    public static PoolDefinition Pool(string poolId, int quota) =>
        new(poolId, "dr-wang", new DateOnly(2026, 12, 7), ClinicSession.Morning, new TimeOnly(8, 0), 5, quota, 30m, Now);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await Store.DisposeAsync();
    }
}
