using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Tests.Hosting;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.Invariants;

/// <summary>
/// One silo's engine, without HTTP: an Orleans test silo and a store on a database that other
/// hosts (other clusters) may share. Writes go through a <see cref="TransactionCounter"/> so tests can count and break them.
/// </summary>
public sealed class BookingHost : IAsyncDisposable
{
    private BookingHost(IBookingStore store, GrainHost silo, TransactionCounter writes)
    {
        Store = store;
        Silo = silo;
        Writes = writes;
    }

    public IBookingStore Store { get; }

    public GrainHost Silo { get; }

    public TransactionCounter Writes { get; }

    public ISlotPoolGrainFactory Pools => Silo.Pools;

    /// <summary>The instant the test pools are released; every host's clock stands there.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8));

    public static async Task<BookingHost> StartAsync(StorageOptions storage, Action<GrainOptions>? configure = null)
    {
        var store = BookingStoreFactory.Create(storage);
        await store.MigrateAsync(CancellationToken.None);
        var writes = new TransactionCounter(store.SlotPools);
        var silo = await GrainHost.StartAsync(
            new FakeTimeProvider(Now),
            services => services.AddSingleton<IChangeStorage<SlotPoolState, SlotPoolChange>>(writes),
            options =>
            {
                options.MaxWaitingCalls = 50_000;
                configure?.Invoke(options);
            });
        return new BookingHost(store, silo, writes);
    }

    public static PoolDefinition Pool(string poolId, int quota) =>
        new(poolId, "dr-wang", new DateOnly(2026, 12, 7), ClinicSession.Morning, new TimeOnly(8, 0), 5, quota, 30m, Now);

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Store.DisposeAsync();
    }
}
