using Microsoft.Extensions.Options;
using OrleansBooking.Silo.Hosting.ClusterJobs;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Hosting.DoctorsDay;

/// <summary>The no-show sweep of the whole cluster (key <see cref="ClusterJob.Key"/>).</summary>
public interface INoShowSweepGrain : IClusterJobGrain;

/// <summary>
/// Runs <see cref="NoShowSweep"/> every <see cref="DoctorsDayOptions.SweepInterval"/>, once per
/// cluster (see <see cref="RepeatingClusterJob"/>). The sweep only does what is due, so a late or
/// failed pass loses nothing.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed partial class NoShowSweepGrain(NoShowSweep sweep, IOptions<DoctorsDayOptions> options, ILogger<NoShowSweepGrain> logger)
    : RepeatingClusterJob(logger), INoShowSweepGrain
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var noShows = await sweep.RunAsync(cancellationToken);
        if (noShows.Count > 0) LogSwept(noShows.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No-show sweep recorded {Count} no-shows.")]
    private partial void LogSwept(int count);
}
