namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// A patient must be told to pay for a held number (<see cref="Due"/>) or that the hold ran out
/// (<see cref="Expired"/>). Written to the notifications outbox in the batch that holds or expires
/// the number; sending is another component's job.
/// </summary>
public sealed record PaymentNotice(
    string NotificationId,
    string Kind,
    string PatientId,
    string ReservationId,
    string PoolId,
    int SequenceNumber,
    long FeeFen,
    DateTimeOffset HoldExpiresAt,
    DateTimeOffset CreatedAt)
{
    public const string Due = "payment_due";
    public const string Expired = "payment_expired";

    public static PaymentNotice For(Reservation hold, string kind, DateTimeOffset now) =>
        new(Guid.NewGuid().ToString("N"), kind, hold.PatientId, hold.ReservationId, hold.PoolId, hold.SequenceNumber,
            hold.FeeFen ?? 0, hold.HoldExpiresAt ?? now, now);
}
