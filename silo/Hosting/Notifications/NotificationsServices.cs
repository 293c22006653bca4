using Microsoft.Extensions.Options;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Silo.Hosting.ClusterJobs;
using OrleansBooking.Silo.Notifications;
using OrleansBooking.Silo.Storage;
using OrleansBooking.Silo.Storage.Notifications;

namespace OrleansBooking.Silo.Hosting.Notifications;

/// <summary>Notifications: options, the outbox queue, the sender, the dispatcher and reminder jobs, the code sender, health and metrics.</summary>
public static class NotificationsServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddValidatedOptions<NotificationOptions, NotificationOptionsValidation>(NotificationOptions.SectionName);

        services.AddSingleton(sp => NotificationStore.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<NotificationStore>().Queue);
        services.AddSingleton(sp => sp.GetRequiredService<NotificationStore>().Preferences);
        services.AddSingleton<SealedMessages>();
        services.AddSingleton(sp => sp.GetRequiredService<NotificationStore>().CodeSender(
            sp.GetRequiredService<SealedMessages>(), sp.GetRequiredService<TimeProvider>(),
            onlyRecords: sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Sender == NotificationOptions.LogSender));

        services.AddHttpClient(WebhookNotificationSender.ClientName);
        services.AddSingleton<LogNotificationSender>();
        services.AddSingleton<WebhookNotificationSender>();
        services.AddSingleton<INotificationSender>(sp => sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Sender switch
        {
            NotificationOptions.WebhookSender => sp.GetRequiredService<WebhookNotificationSender>(),
            _ => sp.GetRequiredService<LogNotificationSender>(),
        });

        services.AddSingleton<NotificationDeliveryStatus>();
        services.AddMetrics();
        services.AddSingleton<NotificationMetrics>();
        services.AddSingleton<NotificationComposer>();
        services.AddSingleton<RushHold>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<VisitReminders>();
        services.AddHealthChecks().AddCheck<NotificationDeliveryHealthCheck>("notifications", tags: [BookingHealthChecks.ReadyTag]);
        services.AddClusterJob<INotificationDispatchGrain>();
        services.AddClusterJob<IVisitReminderGrain>();
        return services;
    }
}
