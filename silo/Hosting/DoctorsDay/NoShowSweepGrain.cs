using Microsoft.Extensions.Options;
using OrleansBooking.Silo.Hosting.ClusterJobs;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Hosting.DoctorsDay;

/// <summary>The no-show sweep of the whole cluster (key <see cref="ClusterJob.Key"/>).</summary>
public interface INoShowSweepGrain : IClusterJobGrain;

/// <summary>
/// Runs <see cref="NoShowSweep"/> every <see cref="DoctorsDayOptions.SweepInterval"/>, once per
/// cluster (see <see cref="IClusterJobGrain"/>), on an Orleans grain timer: it follows the grain
/// clock, so tests drive it with a fake one. A failed pass (database down) is logged and the next
/// tick tries again: the sweep only does what is due, so a late pass loses nothing.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed partial class NoShowSweepGrain(NoShowSweep sweep, IOptions<DoctorsDayOptions> options, ILogger<NoShowSweepGrain> logger)
    : Grain, INoShowSweepGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.SweepInterval;
        this.RegisterGrainTimer(SweepAsync, ClusterJob.Timer(interval, interval));
        return Task.CompletedTask;
    }

    public Task StartAsync() => Task.CompletedTask;

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            var noShows = await sweep.RunAsync(cancellationToken);
            if (noShows.Count > 0) LogSwept(noShows.Count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The activation is going away (the silo is stopping).
        }
        catch (Exception exception)
        {
            LogSweepFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No-show sweep recorded {Count} no-shows.")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "No-show sweep failed; the next pass retries.")]
    private partial void LogSweepFailed(Exception exception);
}
