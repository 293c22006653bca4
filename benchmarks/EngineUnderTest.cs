using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansBooking.Grains.GroupCommit;
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
    private readonly IHost? silo;

    private EngineUnderTest(IBookingStore store, ISlotPoolGrainFactory pools, IHost? silo)
    {
        Store = store;
        Pools = pools;
        this.silo = silo;
    }

    public IBookingStore Store { get; }

    public ISlotPoolGrainFactory Pools { get; }

    public static async Task<EngineUnderTest> StartAsync(EngineMode mode, StorageOptions storage, int reservations)
    {
        var store = BookingStoreFactory.Create(storage);
        await store.MigrateAsync(CancellationToken.None);
        var rules = new SlotPoolRules();
        if (mode == EngineMode.Conventional)
            return new EngineUnderTest(store, store.CreateConventionalEngine(TimeProvider.System, rules), silo: null);

        var options = new GrainOptions
        {
            // Every caller of the run may wait at once; the benchmark measures throughput, not shedding.
            MaxWaitingCalls = Math.Max(GrainOptions.DefaultMaxWaitingCalls, reservations),
            CallTimeout = TimeSpan.FromMinutes(5),
            MaxChangesPerWrite = mode == EngineMode.OneWritePerReservation ? 1 : GrainOptions.DefaultMaxChangesPerWrite,
        };
        // One Orleans silo in this process, as the service runs it: pools are grains, calls are local.
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(s => s.UseLocalhostClustering(siloPort: 21111, gatewayPort: 31111)
            .Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = options.CallTimeout));
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(Options.Create(rules));
        builder.Services.AddSingleton(store.SlotPools);
        builder.Services.AddSingleton<SoldOutViews>();
        builder.Services.AddSingleton<IDrawListener, IgnoreDraws>();
        var silo = builder.Build();
        await silo.StartAsync();
        return new EngineUnderTest(store, new OrleansSlotPools(silo.Services.GetRequiredService<IGrainFactory>()), silo);
    }

    public async ValueTask DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.StopAsync();
            silo.Dispose();
        }
        await Store.DisposeAsync();
    }
}
