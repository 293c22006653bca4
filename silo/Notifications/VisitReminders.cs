using Microsoft.Extensions.Options;
using OrleansBooking.Api;
using OrleansBooking.Silo.Hosting.Notifications;

namespace OrleansBooking.Silo.Notifications;

/// <summary>
/// Queues tomorrow's reminders once the hospital's clock has passed the reminder hour. Each pass
/// that evening looks again (a number booked at 19:00 is reminded too); reminder ids are per
/// reservation, so no pass, restart or second silo queues one twice.
/// </summary>
public sealed class VisitReminders(INotificationQueue queue, HospitalTime time, IOptions<NotificationOptions> options)
{
    /// <summary>Returns the reminders queued by this pass.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.Now;
        var local = time.ToLocal(now);
        if (local.TimeOfDay < options.Value.ReminderTimeOfDay) return 0;
        var tomorrow = DateOnly.FromDateTime(local.DateTime).AddDays(1);
        return await queue.QueueRemindersAsync(tomorrow, now, cancellationToken);
    }
}
