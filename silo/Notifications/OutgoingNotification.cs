namespace OrleansBooking.Silo.Notifications;

/// <summary>
/// A message worded and addressed, handed to the sender. <paramref name="NotificationId"/> is the
/// idempotency key: delivery is at least once, so a sender (or the gateway behind it) drops a
/// message whose id it has seen. <paramref name="Mobile"/> is the number to text (null when the
/// patient has none on record); <paramref name="Text"/> is the whole message in <paramref name="Language"/>.
/// </summary>
public sealed record OutgoingNotification(
    string NotificationId,
    string Kind,
    string? PatientId,
    string? Mobile,
    string Language,
    string Text,
    DateTimeOffset CreatedAt);
