namespace OrleansBooking.Api.Contracts.Notifications;

/// <summary>The languages messages are written in.</summary>
public static class NotificationLanguages
{
    public const string Chinese = "zh";
    public const string English = "en";

    public static bool IsKnown(string? language) => language is Chinese or English;
}
