using Microsoft.Extensions.Options;

namespace OrleansBooking.Silo.Hosting.DoctorsDay;

/// <summary>
/// Runs <see cref="NoShowSweep"/> every <see cref="DoctorsDayOptions.SweepInterval"/> on the host's
/// <see cref="TimeProvider"/>. A failed pass (database down) is logged and the next one tries again:
/// the sweep only does what is due, so a late pass loses nothing.
/// </summary>
public sealed partial class NoShowSweepService(NoShowSweep sweep, IOptions<DoctorsDayOptions> options, TimeProvider clock, ILogger<NoShowSweepService> logger)
    : BackgroundService
{
    private PeriodicTimer? timer;

    // The timer starts with the host, not when ExecuteAsync first runs (which .NET runs on the
    // thread pool, later): a tick that comes before the loop waits is kept, not lost.
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await timer!.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var noShows = await sweep.RunAsync(stoppingToken);
                    if (noShows.Count > 0) LogSwept(noShows.Count);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogSweepFailed(exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    public override void Dispose()
    {
        timer?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No-show sweep recorded {Count} no-shows.")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "No-show sweep failed; the next pass retries.")]
    private partial void LogSweepFailed(Exception exception);
}
