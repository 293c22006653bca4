using Orleans.Configuration;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Silo.Hosting.Observability;
using OrleansBooking.Silo.Storage;

using OrleansBooking.Silo.Hosting.Cluster;

namespace OrleansBooking.Silo.Hosting;

/// <summary>
/// The Orleans silo, co-hosted with the HTTP API in one process: clustering, the grains' timings,
/// and the clocks. By default a localhost cluster of one silo, which needs nothing installed;
/// with Cluster:Provider=mysql, one silo of a cluster on the bookings' database (ClusterProviders).
/// </summary>
public static class SiloServices
{
    // Orleans' own machinery keeps real time even when the application's clock is replaced (tests
    // drive a fake one): a frozen clock would stop membership, messaging timeouts and collection.
    // Only grains (TimeProviderNames.Grains) follow the application's clock.
    private static readonly string[] RealTimeAreas =
    [
        TimeProviderNames.Messaging, TimeProviderNames.Membership, TimeProviderNames.SystemTimers,
        TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory,
    ];

    public static WebApplicationBuilder AddBookingSilo(this WebApplicationBuilder builder)
    {
        // Read here because Orleans is configured before the container exists; both sections are
        // also validated options, so bad values stop start-up naming the setting.
        var cluster = Bind<ClusterSettings>(builder.Configuration, ClusterSettings.SectionName);
        var grains = Bind<GrainOptions>(builder.Configuration, GrainOptions.SectionName);
        var storage = Bind<StorageOptions>(builder.Configuration, StorageOptions.SectionName);
        var dashboard = Bind<DashboardSettings>(builder.Configuration, DashboardSettings.SectionName);
        var ports = ClusterPorts.Resolve(cluster);

        builder.UseOrleans(silo =>
        {
            silo.UseBookingClustering(cluster, ports, storage.ConnectionString);
            silo.AddBookingDashboard(dashboard);
            silo.AddIncomingGrainCallFilter<StorageFaultsLeavingGrains>();
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = grains.CallTimeout);
            silo.Configure<GrainCollectionOptions>(o =>
            {
                o.CollectionAge = grains.IdleAge;
                o.CollectionQuantum = grains.CollectionInterval;
            });
        });
        builder.Services.AddValidatedOptions<ClusterSettings>(ClusterSettings.SectionName, settings => settings.Validate(storage.Provider));
        builder.Services.AddBookingClusterChecks(cluster, ports);
        builder.Services.AddBookingObservability();
        foreach (var area in RealTimeAreas) builder.Services.AddKeyedSingleton(area, TimeProvider.System);
        return builder;
    }

    private static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }
}
