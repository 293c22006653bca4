using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansBooking.Grains.Rush;

namespace OrleansBooking.Api.Rush;

/// <summary>
/// Sends this silo's whole seconds of reservation attempts to the cluster's tally
/// (<see cref="IClusterAttemptsGrain"/>) once a second: one grain call per silo per second however
/// hard the rush, so the reservation route stays a counter in memory.
/// </summary>
public sealed partial class AttemptsReporter(
    ReservationAttempts attempts, IGrainFactory grains, TimeProvider clock, ILogger<AttemptsReporter> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // The last second the tally acknowledged; sent once more with the next report, because an answer
    // counted as that second ended may have been added after the report read it.
    private long? acknowledged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await ReportAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping; its last seconds age out of the tally with it.
        }
    }

    /// <summary>
    /// Sends every whole second since the last acknowledged one (itself included), within the
    /// minute; a failed report is logged and its seconds go with the next. True when the tally took it.
    /// </summary>
    public async Task<bool> ReportAsync()
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var to = now - 1;
        var from = Math.Max(acknowledged ?? long.MinValue, now - RushWindow.Seconds + 1);
        if (from > to) return true;
        var report = new SiloAttemptsReport(attempts.Reporter, from, to, attempts.WholeSeconds(from, to));
        try
        {
            await grains.GetGrain<IClusterAttemptsGrain>(RushWindow.TallyKey).ReportAsync(report);
            acknowledged = to;
            return true;
        }
        catch (Exception exception)
        {
            LogReportFailed(exception);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The rush board's tally did not take this silo's attempts; the next report sends them again.")]
    private partial void LogReportFailed(Exception exception);
}
