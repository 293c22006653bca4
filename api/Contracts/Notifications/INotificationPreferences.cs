namespace OrleansBooking.Api.Contracts.Notifications;

/// <summary>What an account wants to be told, stored per account (a patient account's patients share it).</summary>
public interface INotificationPreferences
{
    /// <summary>The stored choice, or the default (reminders on, the hospital's language) when none is stored.</summary>
    Task<NotificationPreferences> ReadAsync(string accountId, CancellationToken cancellationToken);

    Task SaveAsync(string accountId, NotificationPreferences preferences, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary><paramref name="Language"/> is <c>zh</c>, <c>en</c>, or null for the hospital's.</summary>
public sealed record NotificationPreferences(bool Reminders, string? Language)
{
    public static NotificationPreferences Default { get; } = new(Reminders: true, Language: null);
}
