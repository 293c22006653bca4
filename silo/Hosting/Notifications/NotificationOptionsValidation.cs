using Microsoft.Extensions.Options;

namespace OrleansBooking.Silo.Hosting.Notifications;

/// <summary>Rejects delivery settings that cannot work, at start-up, naming the option.</summary>
public sealed class NotificationOptionsValidation : IValidateOptions<NotificationOptions>
{
    private const string Section = NotificationOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var errors = new List<string>();
        if (options.Sender is not (NotificationOptions.LogSender or NotificationOptions.WebhookSender))
            errors.Add($"{Section}:{nameof(options.Sender)} must be '{NotificationOptions.LogSender}' or '{NotificationOptions.WebhookSender}' (was '{options.Sender}').");
        if (options.Language is not (NotificationOptions.Chinese or NotificationOptions.English))
            errors.Add($"{Section}:{nameof(options.Language)} must be '{NotificationOptions.Chinese}' or '{NotificationOptions.English}' (was '{options.Language}').");
        Between(errors, nameof(options.PollInterval), options.PollInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));
        Between(errors, nameof(options.BatchSize), options.BatchSize, 1, 10_000);
        Between(errors, nameof(options.ParallelSends), options.ParallelSends, 1, 256);
        Between(errors, nameof(options.MaxAttempts), options.MaxAttempts, 1, 100);
        Between(errors, nameof(options.FirstRetryDelay), options.FirstRetryDelay, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        Between(errors, nameof(options.MaxRetryDelay), options.MaxRetryDelay, options.FirstRetryDelay, TimeSpan.FromDays(1));
        Between(errors, nameof(options.DegradedAfterFailures), options.DegradedAfterFailures, 1, 10_000);
        Between(errors, nameof(options.RushAttemptsPerSecond), options.RushAttemptsPerSecond, 0, 10_000_000);
        Between(errors, nameof(options.MaxRushHold), options.MaxRushHold, TimeSpan.Zero, TimeSpan.FromHours(1));
        Between(errors, nameof(options.ReminderTimeOfDay), options.ReminderTimeOfDay, TimeSpan.Zero, TimeSpan.FromDays(1) - TimeSpan.FromTicks(1));
        Between(errors, nameof(options.ReminderScanInterval), options.ReminderScanInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(6));

        if (options.Sender == NotificationOptions.WebhookSender)
        {
            var webhook = options.Webhook;
            if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                errors.Add($"{Section}:Webhook:Url must be an absolute http or https URL for the webhook sender (was '{webhook.Url}').");
            if (webhook.Secret is not { Length: >= NotificationOptions.WebhookOptions.MinSecretLength })
                errors.Add($"{Section}:Webhook:Secret must be at least {NotificationOptions.WebhookOptions.MinSecretLength} characters for the webhook sender.");
            if (webhook.Timeout < TimeSpan.FromMilliseconds(100) || webhook.Timeout > TimeSpan.FromMinutes(5))
                errors.Add($"{Section}:Webhook:Timeout must be between 00:00:00.1 and 00:05:00 (was {webhook.Timeout}).");
        }
        return ValidatedOptions.ToResult(errors);
    }

    private static void Between<T>(List<string> errors, string option, T value, T min, T max) where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0) errors.Add($"{Section}:{option} must be between {min} and {max} (was {value}).");
    }
}
