namespace OrleansBooking.Grains.SlotPools;

/// <summary>One patient's number in one pool. Immutable: a status change replaces the record.</summary>
public sealed record Reservation(
    string ReservationId,
    string PoolId,
    string PatientId,
    int SequenceNumber,
    DateTimeOffset VisitTime,
    ReservationStatus Status,
    DateTimeOffset CreatedAt,
    string? IdempotencyKey,
    DateTimeOffset? CancelledAt = null,
    CancellationReason? CancellationReason = null);
