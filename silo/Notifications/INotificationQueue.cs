namespace OrleansBooking.Silo.Notifications;

/// <summary>The outbox as the dispatcher and the reminder job see it (SQL on both engines).</summary>
public interface INotificationQueue
{
    /// <summary>
    /// Undelivered, not given up, and due (never tried, or its back-off is over), oldest first; with a
    /// <paramref name="hold"/>, its kinds are due only when written at or before its instant.
    /// </summary>
    Task<IReadOnlyList<QueuedNotification>> DueAsync(DateTimeOffset now, int max, DeliveryHold? hold, CancellationToken cancellationToken);

    /// <summary>What a message about a reservation says, read when it is worded; null when the reservation is gone.</summary>
    Task<ReservationFacts?> ReservationFactsAsync(string reservationId, CancellationToken cancellationToken);

    /// <summary>
    /// What a message about a patient and a pool without a reservation says (a waitlist offer, a
    /// lottery result); number and time come from the message itself. Null when the pool is gone.
    /// </summary>
    Task<ReservationFacts?> PoolFactsAsync(string poolId, string patientId, CancellationToken cancellationToken);

    /// <summary>
    /// Delivered (or nothing to send): never tried again. All of them in one write, because at the
    /// release a thousand confirmations are sent within seconds, and a write each competed with the
    /// pools' commits for the database's single write lock (docs/benchmarks.md).
    /// </summary>
    Task MarkSentAsync(IReadOnlyCollection<SentNotification> sent, CancellationToken cancellationToken);

    /// <summary>A failed attempt: tried again from <paramref name="retryAt"/>, or given up (<paramref name="deadAt"/>).</summary>
    Task MarkFailedAsync(
        string notificationId, int attempts, DateTimeOffset? retryAt, DateTimeOffset? deadAt, string error, bool emptyPayload,
        CancellationToken cancellationToken);

    /// <summary>Queues a reminder for each booked visit on <paramref name="visitDate"/> whose account has not turned them off; returns the new ones.</summary>
    Task<int> QueueRemindersAsync(DateOnly visitDate, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Messages of <paramref name="Kinds"/> written after <paramref name="WrittenAfter"/> wait: the bookings' rush comes first (<see cref="RushHold"/>).</summary>
public sealed record DeliveryHold(IReadOnlyList<string> Kinds, DateTimeOffset WrittenAfter);

/// <summary>A delivered message: how many attempts it took and when; <paramref name="EmptyPayload"/> forgets a sealed code.</summary>
public sealed record SentNotification(string NotificationId, int Attempts, DateTimeOffset At, bool EmptyPayload);

/// <summary>One outbox row waiting for delivery.</summary>
public sealed record QueuedNotification(string NotificationId, string PatientId, string Kind, string Payload, int Attempts, DateTimeOffset CreatedAt);

/// <summary>
/// The reservation a message is about, with the patient's and catalogue's names as they are now.
/// Names are null when the patient has no profile or the pool no catalogue entry (a pool opened by hand).
/// </summary>
public sealed record ReservationFacts(
    string PatientId,
    string? PatientName,
    string? Mobile,
    bool RemindersOn,
    string? Language,
    string DoctorId,
    string? DoctorName,
    string? DepartmentName,
    DateOnly Date,
    string Session,
    int SequenceNumber,
    DateTimeOffset VisitTime,
    string Status);
