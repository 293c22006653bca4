using Microsoft.Extensions.Options;
using OrleansBooking.Silo.Hosting.ClusterJobs;
using OrleansBooking.Silo.Notifications;

namespace OrleansBooking.Silo.Hosting.Notifications;

/// <summary>The notifications dispatcher of the whole cluster (key <see cref="ClusterJob.Key"/>).</summary>
public interface INotificationDispatchGrain : IClusterJobGrain;

/// <summary>Runs <see cref="NotificationDispatcher"/> every <see cref="NotificationOptions.PollInterval"/>, once per cluster.</summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class NotificationDispatchGrain(
    NotificationDispatcher dispatcher, IOptions<NotificationOptions> options, ILogger<NotificationDispatchGrain> logger)
    : RepeatingClusterJob(logger), INotificationDispatchGrain
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override Task RunPassAsync(CancellationToken cancellationToken) => dispatcher.RunOnceAsync(cancellationToken);
}
