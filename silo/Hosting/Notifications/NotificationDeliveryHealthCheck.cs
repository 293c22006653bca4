using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OrleansBooking.Silo.Notifications;

namespace OrleansBooking.Silo.Hosting.Notifications;

/// <summary>
/// A sender that keeps failing makes the silo degraded, never down: bookings are still taken and
/// their messages wait in the outbox, so a load balancer must keep sending traffic.
/// </summary>
internal sealed class NotificationDeliveryHealthCheck(NotificationDeliveryStatus status, IOptions<NotificationOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failures = status.FailuresInARow;
        return Task.FromResult(failures >= options.Value.DegradedAfterFailures
            ? HealthCheckResult.Degraded($"The notification sender failed {failures} times in a row; messages wait in the outbox. Last error: {status.LastError}")
            : HealthCheckResult.Healthy("Notifications are being delivered."));
    }
}
