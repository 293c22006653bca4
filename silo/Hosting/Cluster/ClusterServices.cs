using Microsoft.Extensions.Options;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Silo.Storage.Cluster;

namespace OrleansBooking.Silo.Hosting.Cluster;

/// <summary>The start-up checks of a silo's cluster settings, and what the health check reads.</summary>
public static class ClusterServices
{
    /// <summary>Port check (any provider). Called where Orleans is configured.</summary>
    public static IServiceCollection AddBookingClusterChecks(this IServiceCollection services, ClusterSettings settings, ClusterPorts ports)
    {
        services.AddSingleton(settings);
        services.AddSingleton(ports);
        services.AddHostedService<ClusterPortsCheck>();
        services.AddHealthChecks().AddCheck<ClusterMembershipHealthCheck>("cluster", tags: [BookingHealthChecks.ReadyTag]);
        return services;
    }

    /// <summary>The id check of mysql clustering; register it after the storage migration, whose tables it reads.</summary>
    public static IServiceCollection AddBookingClusterIdentityCheck(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SqlClusterIdentity(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!));
        services.AddHostedService<ClusterIdentityCheck>();
        return services;
    }
}
