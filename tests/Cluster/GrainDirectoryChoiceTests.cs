using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansBooking.Silo.Hosting.Cluster;

namespace OrleansBooking.Tests.Cluster;

/// <summary>
/// A silo of a cluster keeps one activation per grain with Orleans' strongly consistent directory:
/// with the default one a patient could be active on two silos while a silo stopped, each
/// activation granting bookings up to the per-day limit on its own (GracefulStopTests caught a
/// patient with three once, on a busy CI machine). A silo alone keeps the default directory, and
/// drops its cache of grain locations, which on one silo only copies the directory.
/// </summary>
public sealed class GrainDirectoryChoiceTests
{
    private const string Database = "Server=127.0.0.1;Database=orleansbooking;User ID=booking;Password=x";

    [Fact]
    public void ASiloOfAMySqlClusterRegistersEveryGrainInTheStronglyConsistentDirectoryWithNoDeadSiloLease()
    {
        var services = Configure(new ClusterSettings { Provider = ClusterSettings.MySql }, Database);

        Assert.Contains(services, s => s.ServiceType.Name == "DistributedGrainDirectory");
        Assert.Equal(TimeSpan.Zero, DirectoryOptions(services).RangeLeaseDuration);
    }

    [Fact]
    public void ALocalhostSiloKeepsOrleansDefaultDirectoryWithoutItsCacheOfLocations()
    {
        var services = Configure(new ClusterSettings(), Database);

        Assert.DoesNotContain(services, s => s.ServiceType.Name == "DistributedGrainDirectory");
        Assert.Equal(GrainDirectoryOptions.CachingStrategyType.None, DirectoryOptions(services).CachingStrategy);
    }

    [Fact]
    public void ASiloOfAMySqlClusterKeepsTheCacheOfWhereGrainsAre()
    {
        var services = Configure(new ClusterSettings { Provider = ClusterSettings.MySql }, Database);

        var caching = DirectoryOptions(services).CachingStrategy;
        Assert.Equal(new GrainDirectoryOptions().CachingStrategy, caching);
        Assert.NotEqual(GrainDirectoryOptions.CachingStrategyType.None, caching);
    }

    private static GrainDirectoryOptions DirectoryOptions(ServiceCollection services)
    {
        services.AddOptions();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value;
    }

    private static ServiceCollection Configure(ClusterSettings cluster, string connectionString)
    {
        var builder = new BareSiloBuilder();
        builder.UseBookingClustering(cluster, new ClusterPorts(11111, 30000), connectionString);
        return builder.Services;
    }

    /// <summary>The registrations a silo builder collects, without building a silo.</summary>
    private sealed class BareSiloBuilder : ISiloBuilder
    {
        public ServiceCollection Services { get; } = [];

        IServiceCollection ISiloBuilder.Services => Services;

        public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
    }
}
