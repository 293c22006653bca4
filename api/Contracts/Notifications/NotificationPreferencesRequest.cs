namespace OrleansBooking.Api.Contracts.Notifications;

/// <summary>
/// The body of <c>PUT /api/account/notification-preferences</c>: <c>reminders</c> (required) turns
/// the day-before reminder on or off; <c>language</c> is <c>zh</c>, <c>en</c> or null for the hospital's.
/// </summary>
public sealed record NotificationPreferencesRequest(bool? Reminders, string? Language);

/// <summary>The account's choices as stored (or the defaults).</summary>
public sealed record NotificationPreferencesResponse(bool Reminders, string? Language)
{
    public static NotificationPreferencesResponse From(NotificationPreferences preferences) => new(preferences.Reminders, preferences.Language);
}
