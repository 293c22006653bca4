using Microsoft.Extensions.Options;
using OrleansBooking.Api.Accounts;

namespace OrleansBooking.Silo.Hosting.Accounts;

/// <summary>
/// Reads the sessions other silos signed out: once before the server takes requests, then every
/// Booking:Accounts:RevocationPollSeconds. A failed poll is logged and tried again next time;
/// the sessions already known stay revoked.
/// </summary>
internal sealed partial class RevokedSessionsPoll(
    RevokedSessions revoked, IOptions<AccountOptions> options, TimeProvider clock, ILogger<RevokedSessionsPoll> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await revoked.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.RevocationPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await revoked.RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPollFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read revoked sessions; will try again")]
    private partial void LogPollFailed(Exception exception);
}
