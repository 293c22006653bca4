using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.Runtime;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Silo.Storage.Catalogue;
using OrleansBooking.Tests.Fakes;
using OrleansBooking.Tests.Storage;

namespace OrleansBooking.Tests.Catalogue;

/// <summary>
/// The catalogue and the actor engine on one migrated database, with a manual clock standing at
/// 08:00 on Monday 30 Nov 2026 in Shanghai: the store, the pools and the generator, without HTTP.
/// </summary>
public sealed class CatalogueHarness : IAsyncDisposable
{
    private CatalogueHarness(TestDatabase database, IBookingStore bookingStore, GrainRuntime runtime, ManualClock clock)
    {
        Database = database;
        BookingStore = bookingStore;
        Runtime = runtime;
        Clock = clock;
        Store = CatalogueStoreFactory.Create(database.Options, clock);
        Pools = runtime.AddSlotPools(bookingStore.SlotPools, clock, new SlotPoolRules());
        Generator = new PoolGenerator(Store, Pools, new SchedulePlanner(Rules, CatalogueExamples.Shanghai), clock);
    }

    public TestDatabase Database { get; }

    public IBookingStore BookingStore { get; }

    public GrainRuntime Runtime { get; }

    public ManualClock Clock { get; }

    public CatalogueRules Rules { get; } = new();

    public ICatalogueStore Store { get; }

    public ISlotPoolGrainFactory Pools { get; }

    public PoolGenerator Generator { get; }

    public static async Task<CatalogueHarness> StartAsync(TestDatabase database)
    {
        var clock = new ManualClock(CatalogueExamples.MondayEight);
        var store = BookingStoreFactory.Create(database.Options, clock);
        await store.MigrateAsync(CancellationToken.None);
        return new CatalogueHarness(database, store, new GrainRuntime(new GrainRuntimeOptions(), clock), clock);
    }

    /// <summary>Cardiology and Dr. Li with the example weekly template.</summary>
    public async Task AddDrLiAsync()
    {
        Assert.True(await Store.AddDepartmentAsync(CatalogueExamples.Cardiology(), CancellationToken.None));
        Assert.True(await Store.AddDoctorAsync(CatalogueExamples.DrLi(), CancellationToken.None));
        await Store.ReplaceWeeklyScheduleAsync("dr-li", CatalogueExamples.Weekly(), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await BookingStore.DisposeAsync();
        await Database.DisposeAsync();
    }
}
