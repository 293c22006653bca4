using OrleansBooking.Api.Validation;

namespace OrleansBooking.Silo.Notifications;

/// <summary>
/// The development sender: writes each message to the log (the silo's console) and sends nothing.
/// Sign-in codes are read from there in Development, so the message is logged whole; the number is masked.
/// </summary>
public sealed partial class LogNotificationSender(ILogger<LogNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        LogMessage(notification.Kind, notification.Mobile is { } mobile ? PhoneMasking.Mask(mobile) : "patient " + notification.PatientId,
            notification.NotificationId, notification.Text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Kind} for {Recipient} ({NotificationId}; no SMS sent): {Text}")]
    private partial void LogMessage(string kind, string recipient, string notificationId, string text);
}
