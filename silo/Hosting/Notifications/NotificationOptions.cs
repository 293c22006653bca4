using OrleansBooking.Api.Contracts.Notifications;

namespace OrleansBooking.Silo.Hosting.Notifications;

/// <summary>How the outbox is delivered and what it says. Bound from configuration section <see cref="SectionName"/>.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Booking:Notifications";
    public const string LogSender = "log";
    public const string WebhookSender = "webhook";
    public const string Chinese = NotificationLanguages.Chinese;
    public const string English = NotificationLanguages.English;

    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultFirstRetryDelay = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan DefaultReminderTimeOfDay = new(18, 0, 0);
    public static readonly TimeSpan DefaultReminderScanInterval = TimeSpan.FromMinutes(10);
    public const int DefaultMaxAttempts = 8;
    public const int DefaultBatchSize = 200;
    public const int DefaultParallelSends = 8;
    public const int DefaultDegradedAfterFailures = 5;
    public const int DefaultRushAttemptsPerSecond = 500;
    public static readonly TimeSpan DefaultMaxRushHold = TimeSpan.FromMinutes(2);

    /// <summary><c>log</c> (default: writes each message to the log, for development) or <c>webhook</c> (POSTs it to <see cref="Webhook"/>).</summary>
    public string Sender { get; set; } = LogSender;

    /// <summary>The language of messages to accounts that chose none: <c>zh</c> (default) or <c>en</c>.</summary>
    public string Language { get; set; } = Chinese;

    /// <summary>How often the dispatcher looks for messages due. Default 1 s: a sign-in code should not wait.</summary>
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;

    /// <summary>Most messages taken per look; a full batch is followed by the next at once. Default 200.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>Messages sent at the same time. Default 8.</summary>
    public int ParallelSends { get; set; } = DefaultParallelSends;

    /// <summary>Attempts before a message is given up (dead). Default 8.</summary>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>The wait after the first failed attempt; each further failure doubles it. Default 5 s.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = DefaultFirstRetryDelay;

    /// <summary>The longest wait between attempts. Default 10 min.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = DefaultMaxRetryDelay;

    /// <summary>Failed sends in a row after which <c>/health/ready</c> reports delivery as degraded. Default 5.</summary>
    public int DegradedAfterFailures { get; set; } = DefaultDegradedAfterFailures;

    /// <summary>
    /// Reservation attempts a second on the dispatcher's silo from which messages that can wait
    /// (<see cref="NotificationKinds.CanWaitForTheRush"/>) are held back, so that wording and sending them
    /// takes no CPU or database turn from the bookings. Per silo: a balanced cluster's silos each see their
    /// share. Default 500; 0 never holds.
    /// </summary>
    public int RushAttemptsPerSecond { get; set; } = DefaultRushAttemptsPerSecond;

    /// <summary>The longest a message is held back for the rush; older ones are sent even while it goes on. Default 2 min.</summary>
    public TimeSpan MaxRushHold { get; set; } = DefaultMaxRushHold;

    /// <summary>The hospital-local time of day from which the next day's visits are reminded. Default 18:00.</summary>
    public TimeSpan ReminderTimeOfDay { get; set; } = DefaultReminderTimeOfDay;

    /// <summary>How often the reminder job looks for the next day's visits. Default 10 min.</summary>
    public TimeSpan ReminderScanInterval { get; set; } = DefaultReminderScanInterval;

    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>Where the <c>webhook</c> sender posts, and the secret it signs with.</summary>
    public sealed class WebhookOptions
    {
        public const int MinSecretLength = 32;
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

        /// <summary>An absolute http(s) URL; required for the <c>webhook</c> sender.</summary>
        public string? Url { get; set; }

        /// <summary>The HMAC-SHA256 key (at least 32 characters); required for the <c>webhook</c> sender.</summary>
        public string? Secret { get; set; }

        /// <summary>The longest one POST may take before it counts as failed. Default 10 s.</summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;
    }
}
