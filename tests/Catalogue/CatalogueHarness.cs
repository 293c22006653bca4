using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Grains.Catalogue;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Tests.Hosting;
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
    private CatalogueHarness(TestDatabase database, IBookingStore bookingStore, GrainHost silo, FakeTimeProvider clock)
    {
        Database = database;
        BookingStore = bookingStore;
        Silo = silo;
        Clock = clock;
        Store = CatalogueStoreFactory.Create(database.Options, clock);
        Pools = silo.Pools;
        Generator = new PoolGenerator(Store, Pools, new SchedulePlanner(Rules, CatalogueExamples.Shanghai), clock);
    }

    public TestDatabase Database { get; }

    public IBookingStore BookingStore { get; }

    public GrainHost Silo { get; }

    public FakeTimeProvider Clock { get; }

    public CatalogueRules Rules { get; } = new();

    public ICatalogueStore Store { get; }

    public ISlotPoolGrainFactory Pools { get; }

    public PoolGenerator Generator { get; }

    public static async Task<CatalogueHarness> StartAsync(TestDatabase database)
    {
        var clock = new FakeTimeProvider(CatalogueExamples.MondayEight);
        var store = BookingStoreFactory.Create(database.Options, clock);
        await store.MigrateAsync(CancellationToken.None);
        var silo = await GrainHost.StartAsync(clock, services => services.AddSingleton(store.SlotPools));
        return new CatalogueHarness(database, store, silo, clock);
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
        await Silo.DisposeAsync();
        await BookingStore.DisposeAsync();
        await Database.DisposeAsync();
    }
}
