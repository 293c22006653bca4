using Orleans.Configuration;

namespace OrleansBooking.Silo.Hosting.Cluster;

/// <summary>
/// How Orleans' grain directory is set up: for a cluster, the directory that keeps one activation
/// per grain across its silos; for a silo alone, Orleans' default directory (which cannot go wrong
/// with nobody to disagree) without its cache of locations. Orleans' default directory is
/// eventually consistent: while silos join, stop or die it may let a grain activate twice for a
/// moment. A pool survives that (the version fence on its row drops the stale activation), but a
/// patient's limits do not: the patient grain writes nothing on the booking path, so two
/// activations of one patient, each loaded before the other's booking committed, could each grant
/// a booking and take the patient over the per-day limit (seen when a silo stopped mid-rush).
/// Orleans' strongly consistent directory registers a new activation only once the old one has
/// deactivated (after its running turn) or its silo is dead.
/// </summary>
public static class GrainDirectorySettings
{
    public static ISiloBuilder UseSingleActivationDirectory(this ISiloBuilder silo)
    {
#pragma warning disable ORLEANSEXP003 // Orleans marks it experimental; it is the directory Orleans' own test clusters run on.
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        // Orleans can also hold a dead silo's grains back from registering elsewhere, for a silo wrongly
        // declared dead that is still running them: its 30 s lease, less the failure-detection window,
        // would keep a lost silo's pools unavailable for about 18 s after the vote, far beyond the 5 s
        // the service promises. A killed silo runs nothing, and a pool's version fence drops a stale
        // activation; what is left is a patient on a silo wrongly declared dead, until that silo learns
        // it and stops (accepted: docs/architecture.md).
        silo.Configure<GrainDirectoryOptions>(o => o.RangeLeaseDuration = TimeSpan.Zero);
        return silo;
    }

    /// <summary>
    /// A silo alone owns every partition of the directory, so a lookup there is a dictionary read, and
    /// Orleans' cache of grain locations only keeps a second copy of what the partition holds: ≈ 230
    /// bytes for every grain active now or lately, and a size instrument that walks every entry each
    /// time metrics are collected (the dashboard does it once a second). Not for a cluster: there the
    /// cache is what spares a call to a grain on another silo a directory lookup over the network.
    /// </summary>
    public static ISiloBuilder UseOwnDirectoryWithoutLocationCache(this ISiloBuilder silo) =>
        silo.Configure<GrainDirectoryOptions>(o => o.CachingStrategy = GrainDirectoryOptions.CachingStrategyType.None);
}
