using OrleansBooking.Silo.Storage.Cluster;

namespace OrleansBooking.Silo.Hosting.Cluster;

/// <summary>
/// Catches silos of one database that disagree on their ids, before Orleans starts (it runs after
/// the migration, which creates the tables it reads). A ClusterId already recorded with another
/// ServiceId stops start-up: Orleans compares only cluster ids, so that silo would join the
/// membership while keeping its reminders apart — half-joined. Another live ClusterId is logged as
/// a warning: it forms a cluster of its own (Orleans refuses connections between cluster ids),
/// and the pools' version fence keeps the two from overselling, at the price of write conflicts.
/// </summary>
internal sealed partial class ClusterIdentityCheck(
    ClusterSettings settings, SqlClusterIdentity identity, TimeProvider clock, ILogger<ClusterIdentityCheck> logger) : StartUpCheck
{
    /// <summary>Silos report alive every 30 s or so; a row older than this is a silo that died without saying.</summary>
    private static readonly TimeSpan LiveWithin = TimeSpan.FromMinutes(2);

    public override async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!settings.UsesMySql) return;
        var now = clock.GetUtcNow();
        var recorded = await identity.RecordAsync(settings.ClusterId, settings.ServiceId, now, cancellationToken);
        if (!string.Equals(recorded, settings.ServiceId, StringComparison.Ordinal))
        {
            var message =
                $"{ClusterSettings.SectionName}:{nameof(ClusterSettings.ServiceId)} '{settings.ServiceId}' does not match '{recorded}', " +
                $"the service cluster '{settings.ClusterId}' runs on this database; refusing to start rather than half-join it. " +
                $"Give every silo of one cluster the same {ClusterSettings.SectionName}:{nameof(ClusterSettings.ServiceId)}.";
            LogServiceMismatch(message);
            throw new InvalidOperationException(message);
        }
        var others = await identity.OtherLiveClustersAsync(settings.ClusterId, now - LiveWithin, cancellationToken);
        if (others.Count > 0) LogOtherClusters(settings.ClusterId, string.Join("', '", others));
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private partial void LogServiceMismatch(string message);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Cluster:ClusterId '{ClusterId}': another cluster ('{Others}') has live silos on this database. Silos with different " +
                  "cluster ids never join each other; if they serve one hospital service, give them one Cluster:ClusterId. " +
                  "The pools' version fence keeps the clusters from overselling, but they will meet write conflicts.")]
    private partial void LogOtherClusters(string clusterId, string others);
}
