using System.Collections.Concurrent;
using OrleansBooking.Silo.Notifications;

namespace OrleansBooking.Tests.Notifications;

/// <summary>
/// The SMS gateway of the tests: it does what <see cref="Behaviour"/> says for each call and keeps
/// what it received, as a real gateway keeps what it took, so a test can count deliveries per id.
/// </summary>
public sealed class ScriptedSender : INotificationSender
{
    public enum Mode { Deliver, Fail, DeliverThenFail }

    private int calls;

    public Func<OutgoingNotification, Mode> Behaviour { get; set; } = _ => Mode.Deliver;

    /// <summary>Every message the gateway took (a retry of one it took already appears twice).</summary>
    public ConcurrentQueue<OutgoingNotification> Received { get; } = new();

    public int Calls => Volatile.Read(ref calls);

    public Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        var mode = Behaviour(notification);
        if (mode is Mode.Deliver or Mode.DeliverThenFail) Received.Enqueue(notification);
        // DeliverThenFail: the gateway took it but the answer was lost (a timeout after the send).
        if (mode is Mode.Fail or Mode.DeliverThenFail) throw new HttpRequestException("The gateway did not answer.");
        return Task.CompletedTask;
    }

    /// <summary>The messages the gateway took, each id once: what its dedupe on the idempotency key keeps.</summary>
    public IReadOnlyDictionary<string, OutgoingNotification> Distinct() =>
        Received.GroupBy(n => n.NotificationId).ToDictionary(g => g.Key, g => g.First());
}
