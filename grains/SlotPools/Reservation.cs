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
    CancellationReason? CancellationReason = null,
    DateTimeOffset? HoldExpiresAt = null,
    long? FeeFen = null,
    DateTimeOffset? PaidAt = null)
{
    /// <summary>A new booking: a fresh random id (not guessable), status booked.</summary>
    public static Reservation Booked(string poolId, ReserveRequest request, int sequenceNumber, DateTimeOffset visitTime, DateTimeOffset now) =>
        new(Guid.NewGuid().ToString("N"), poolId, request.PatientId, sequenceNumber, visitTime, ReservationStatus.Booked, now, request.IdempotencyKey);

    /// <summary>A new hold: pending payment until <paramref name="expiresAt"/>, for a fee fixed now (a later fee change does not alter it).</summary>
    public static Reservation Held(
        string poolId, ReserveRequest request, int sequenceNumber, DateTimeOffset visitTime, DateTimeOffset now, DateTimeOffset expiresAt, long feeFen) =>
        Booked(poolId, request, sequenceNumber, visitTime, now) with
        {
            Status = ReservationStatus.PendingPayment,
            HoldExpiresAt = expiresAt,
            FeeFen = feeFen,
        };

    /// <summary>Paid for (whatever happened after): cancelling it owes the patient a refund.</summary>
    public bool WasPaid => PaidAt is not null;
}
