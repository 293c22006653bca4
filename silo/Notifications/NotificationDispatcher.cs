using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OrleansBooking.Silo.Hosting.Notifications;

namespace OrleansBooking.Silo.Notifications;

/// <summary>
/// Delivers what the outbox holds, at least once. A pass takes the rows due, oldest first, words
/// each and hands it to the sender, several at a time. The rows of a batch that were delivered are
/// marked sent together, in one write; a failed one waits (first retry delay, doubled per failure,
/// capped) and is given up after the last attempt. Everything it knows is in the rows, so a restart
/// carries on where the last pass stopped; a crash between sending and marking sends that batch's
/// messages again, with the same ids for the receiver to drop. While the bookings' rush is on, the
/// messages that can wait are left for later (<see cref="RushHold"/>).
/// </summary>
public sealed partial class NotificationDispatcher(
    INotificationQueue queue, NotificationComposer composer, INotificationSender sender, NotificationDeliveryStatus status,
    RushHold rushHold, NotificationMetrics metrics, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationDispatcher> logger)
{
    /// <summary>Full batches taken one after another in one pass, so a backlog drains without one pass running forever.</summary>
    public const int MaxBatchesPerPass = 10;

    public async Task<DispatchReport> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var report = new DispatchReport();
        // Once a pass: it counts every pool's attempts of the last two seconds.
        var hold = rushHold.Now();
        for (var batch = 0; batch < MaxBatchesPerPass; batch++)
        {
            var due = await queue.DueAsync(clock.GetUtcNow(), settings.BatchSize, hold, cancellationToken);
            var sent = new ConcurrentQueue<SentNotification>();
            try
            {
                await Parallel.ForEachAsync(
                    due, new ParallelOptions { MaxDegreeOfParallelism = settings.ParallelSends, CancellationToken = cancellationToken },
                    async (row, token) => report.Count(await DeliverAsync(row, settings, sent, token)));
            }
            finally
            {
                // Also when the pass is stopped half-way: what went out is not sent again.
                await queue.MarkSentAsync(sent, CancellationToken.None);
            }
            if (due.Count < settings.BatchSize) break;
        }
        return report;
    }

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones: doubling from the first delay, capped.</summary>
    public static TimeSpan RetryDelay(int attempts, TimeSpan first, TimeSpan max)
    {
        var doubled = first.Ticks * Math.Pow(2, Math.Max(0, attempts - 1));
        return doubled >= max.Ticks ? max : TimeSpan.FromTicks((long)doubled);
    }

    private async Task<DeliveryOutcome> DeliverAsync(
        QueuedNotification row, NotificationOptions settings, ConcurrentQueue<SentNotification> sent, CancellationToken cancellationToken)
    {
        switch (await composer.ComposeAsync(row, cancellationToken))
        {
            case Composition.Skip:
                sent.Enqueue(new SentNotification(row.NotificationId, row.Attempts, clock.GetUtcNow(), EmptyPayload: false));
                return DeliveryOutcome.Skipped;
            case Composition.GiveUp giveUp:
                await GiveUpAsync(row, row.Attempts, giveUp.Reason, NotificationKinds.Sealed.Contains(row.Kind), cancellationToken);
                return DeliveryOutcome.GaveUp;
            case Composition.Send send:
                var attempts = row.Attempts + 1;
                try
                {
                    await sender.SendAsync(send.Notification, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception exception)
                {
                    var error = $"{exception.GetType().Name}: {exception.Message}";
                    status.Failed(error);
                    metrics.Failed(row.Kind);
                    if (attempts >= settings.MaxAttempts)
                    {
                        await GiveUpAsync(row, attempts, error, send.EmptyPayload, cancellationToken);
                        return DeliveryOutcome.GaveUp;
                    }
                    var retryAt = clock.GetUtcNow() + RetryDelay(attempts, settings.FirstRetryDelay, settings.MaxRetryDelay);
                    await queue.MarkFailedAsync(row.NotificationId, attempts, retryAt, deadAt: null, error, emptyPayload: false, cancellationToken);
                    LogRetry(row.Kind, row.NotificationId, attempts, retryAt, error);
                    return DeliveryOutcome.Failed;
                }
                status.Delivered();
                metrics.Sent(row.Kind);
                sent.Enqueue(new SentNotification(row.NotificationId, attempts, clock.GetUtcNow(), send.EmptyPayload));
                return DeliveryOutcome.Sent;
            case var other:
                throw new System.Diagnostics.UnreachableException($"Unknown composition {other}.");
        }
    }

    private async Task GiveUpAsync(QueuedNotification row, int attempts, string reason, bool emptyPayload, CancellationToken cancellationToken)
    {
        metrics.GaveUp(row.Kind);
        await queue.MarkFailedAsync(row.NotificationId, attempts, retryAt: null, deadAt: clock.GetUtcNow(), reason, emptyPayload, cancellationToken);
        LogGaveUp(row.Kind, row.NotificationId, attempts, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Kind} {NotificationId} failed (attempt {Attempts}); next try at {RetryAt}: {Error}")]
    private partial void LogRetry(string kind, string notificationId, int attempts, DateTimeOffset retryAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {Kind} {NotificationId} given up after {Attempts} attempts: {Reason}")]
    private partial void LogGaveUp(string kind, string notificationId, int attempts, string reason);
}

internal enum DeliveryOutcome
{
    Sent,
    Failed,
    GaveUp,
    Skipped,
}

/// <summary>What one pass did (counted from several sends at once).</summary>
public sealed class DispatchReport
{
    private int sent;
    private int failed;
    private int gaveUp;
    private int skipped;

    public int Sent => sent;

    public int Failed => failed;

    public int GaveUp => gaveUp;

    public int Skipped => skipped;

    internal void Count(DeliveryOutcome outcome)
    {
        switch (outcome)
        {
            case DeliveryOutcome.Sent: Interlocked.Increment(ref sent); break;
            case DeliveryOutcome.Failed: Interlocked.Increment(ref failed); break;
            case DeliveryOutcome.GaveUp: Interlocked.Increment(ref gaveUp); break;
            case DeliveryOutcome.Skipped: Interlocked.Increment(ref skipped); break;
        }
    }

    public override string ToString() => $"{Sent} sent, {Failed} failed, {GaveUp} given up, {Skipped} skipped";
}
