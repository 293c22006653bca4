namespace OrleansBooking.Grains.Lottery;

/// <summary>
/// What one entrant is told after the draw: won (with the number, its time and the reservation) or
/// not. Written to the notifications outbox in the draw's batch, so nobody is told a result that
/// did not commit. The id is derived from pool and patient: a draw undone and drawn again (a failed
/// write) tells each entrant once.
/// </summary>
public sealed record LotteryResultNotice(
    string NotificationId,
    string PoolId,
    string PatientId,
    int? SequenceNumber,
    DateTimeOffset? VisitTime,
    string? ReservationId,
    DateTimeOffset DrawnAt)
{
    public bool Won => SequenceNumber is not null;

    public static string IdFor(string poolId, string patientId) => $"lottery-{poolId}-{patientId}";
}
