using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.Patients;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Hosting;

namespace OrleansBooking.Tests.Hosting;

/// <summary>
/// Orleans' in-process test cluster of one silo with the grains' services a test hands it (their
/// storage, records, rules) and one fake clock driving the grains (Orleans' keyed grain clock;
/// membership and messaging keep real time). Calls go through the silo's own grain factory, as
/// the co-hosted API's do.
/// </summary>
public sealed class GrainHost : IAsyncDisposable
{
    private readonly InProcessTestCluster cluster;

    private GrainHost(InProcessTestCluster cluster, FakeTimeProvider clock)
    {
        this.cluster = cluster;
        Clock = clock;
        Grains = cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();
        Pools = cluster.Silos[0].ServiceProvider.GetRequiredService<ISlotPoolGrainFactory>();
    }

    public FakeTimeProvider Clock { get; }

    public IGrainFactory Grains { get; }

    /// <summary>The pools as the silo resolves them (Orleans grains unless a test registered another factory).</summary>
    public ISlotPoolGrainFactory Pools { get; }

    public IServiceProvider Services => cluster.Silos[0].ServiceProvider;

    /// <summary>Waits for grain calls to begin in the silo (<see cref="GrainCallsBegun"/>).</summary>
    public GrainCallsBegun CallsBegun => Services.GetRequiredService<GrainCallsBegun>();

    public InProcessTestCluster Cluster => cluster;

    public IPatientGrain Patient(string patientId) => Grains.GetGrain<IPatientGrain>(patientId);

    /// <summary>
    /// Starts a silo. <paramref name="services"/> registers what the grains need (at least their
    /// <see cref="IChangeStorage{TState, TChange}"/>); rules, limits and grain options have defaults.
    /// </summary>
    public static async Task<GrainHost> StartAsync(
        FakeTimeProvider clock,
        Action<IServiceCollection> services,
        Action<GrainOptions>? configure = null,
        PatientLimits? limits = null)
    {
        var options = new GrainOptions();
        configure?.Invoke(options);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, clock);
            host.Services.AddSingleton(Options.Create(options));
            host.Services.AddSingleton(Options.Create(new SlotPoolRules()));
            host.Services.AddSingleton(Options.Create(limits ?? new PatientLimits()));
            host.Services.AddSingleton<PoolVisitDays>();
            host.Services.AddSingleton<GrainCallsBegun>();
            host.Services.AddSingleton<IIncomingGrainCallFilter>(sp => sp.GetRequiredService<GrainCallsBegun>());
            host.Services.AddSingleton<SoldOutViews>();
            host.Services.AddSingleton<ISlotPoolGrainFactory>(sp => new OrleansSlotPools(sp.GetRequiredService<IGrainFactory>()));
            services(host.Services);
            // Pools that draw tell nobody unless the test brings patients (PatientHarness).
            host.Services.TryAddSingleton<IDrawListener, IgnoreDraws>();
        });
        // The cluster-wide jobs keep themselves alive with a reminder (ClusterJobGrain).
        builder.ConfigureSilo((_, silo) => silo.UseInMemoryReminderService().AddIncomingGrainCallFilter<StorageFaultsLeavingGrains>());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainHost(cluster, clock);
    }

    /// <summary>A silo whose pools store in <paramref name="storage"/> (a real database's, or a fake).</summary>
    public static Task<GrainHost> StartPoolsAsync(IChangeStorage<SlotPoolState, SlotPoolChange> storage, FakeTimeProvider clock) =>
        StartAsync(clock, services => services.AddSingleton(storage));

    /// <summary>
    /// Deactivates every activation that is idle at this instant (no call running or waiting),
    /// however briefly, and answers whether <paramref name="grain"/> has left memory. The answer is
    /// about one grain, so Orleans' own activations coming and going do not change it; and an
    /// activation answered a moment ago
    /// counts as idle (an age limit above zero meets Orleans' coarse idle clock, which may not
    /// have moved yet).
    /// </summary>
    public async Task<bool> CollectIfIdleAsync(IAddressable grain)
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        return await management.GetGrainActivationCount((GrainReference)grain) == 0;
    }

    public async ValueTask DisposeAsync() => await cluster.DisposeAsync();
}
