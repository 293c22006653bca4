using Orleans.Configuration;

namespace OrleansBooking.Silo.Hosting.Cluster;

/// <summary>
/// Membership and reminders by <see cref="ClusterSettings.Provider"/>: localhost (one silo, both in
/// memory) or Orleans' ADO.NET providers in the MySQL database the bookings live in, so several
/// silos on one database form one cluster with nothing else to run.
/// </summary>
public static class ClusterProviders
{
    /// <summary>Orleans' name for MySqlConnector ("MySql.Data.MySqlClient" would mean Oracle's MySql.Data).</summary>
    public const string MySqlConnectorInvariant = "MySql.Data.MySqlConnector";

    /// <param name="ports">The ports, with 0 already replaced by free ones.</param>
    public static ISiloBuilder UseBookingClustering(
        this ISiloBuilder silo, ClusterSettings cluster, ClusterPorts ports, string? connectionString)
    {
        if (!cluster.UsesMySql || string.IsNullOrWhiteSpace(connectionString))
        {
            // An invalid provider also lands here; options validation then stops start-up naming it.
            silo.UseLocalhostClustering(ports.SiloPort, ports.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            silo.UseInMemoryReminderService();
            silo.UseOwnDirectoryWithoutLocationCache();
            return silo;
        }

        var advertised = cluster.AdvertisedIPAddress;
        // Loopback is advertised only by silos that share one machine; they need not listen beyond it.
        silo.ConfigureEndpoints(advertised, ports.SiloPort, ports.GatewayPort, listenOnAnyHostAddress: !System.Net.IPAddress.IsLoopback(advertised));
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = cluster.ProbeTimeout;
            o.NumMissedProbesLimit = cluster.MissedProbesLimit;
        });
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = MySqlConnectorInvariant;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = MySqlConnectorInvariant;
            o.ConnectionString = connectionString;
        });
        // Only for a cluster: one silo cannot activate a grain twice, and on one silo the strongly
        // consistent directory made the default rush's release second slower (docs/benchmarks.md §0j).
        silo.UseSingleActivationDirectory();
        return silo;
    }
}
