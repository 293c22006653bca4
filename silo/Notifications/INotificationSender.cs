namespace OrleansBooking.Silo.Notifications;

/// <summary>
/// Delivers one message: the seam an SMS gateway plugs into (docs/notifications.md). Returning
/// means delivered; throwing means not (the dispatcher retries later with the same id, and gives
/// the message up after the configured attempts). Called for several messages at once.
/// </summary>
public interface INotificationSender
{
    Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken);
}
