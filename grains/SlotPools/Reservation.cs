namespace OrleansBooking.Grains.SlotPools;

/// <summary>One patient's number in one pool. Immutable: a status change replaces the record.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.Reservation")]
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
    CancellationReason? CancellationReason = null)
{
    /// <summary>A new booking: a fresh random id (not guessable), status booked.</summary>
    public static Reservation Booked(string poolId, ReserveRequest request, int sequenceNumber, DateTimeOffset visitTime, DateTimeOffset now) =>
        new(Guid.NewGuid().ToString("N"), poolId, request.PatientId, sequenceNumber, visitTime, ReservationStatus.Booked, now, request.IdempotencyKey);
}
