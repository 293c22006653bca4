using Microsoft.Extensions.Options;
using OrleansBooking.Silo.Hosting.ClusterJobs;
using OrleansBooking.Silo.Notifications;

namespace OrleansBooking.Silo.Hosting.Notifications;

/// <summary>The day-before reminders of the whole cluster (key <see cref="ClusterJob.Key"/>).</summary>
public interface IVisitReminderGrain : IClusterJobGrain;

/// <summary>Runs <see cref="VisitReminders"/> every <see cref="NotificationOptions.ReminderScanInterval"/>, once per cluster.</summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class VisitReminderGrain(VisitReminders reminders, IOptions<NotificationOptions> options, ILogger<VisitReminderGrain> logger)
    : RepeatingClusterJob(logger), IVisitReminderGrain
{
    protected override TimeSpan Interval => options.Value.ReminderScanInterval;

    protected override Task RunPassAsync(CancellationToken cancellationToken) => reminders.RunAsync(cancellationToken);
}
