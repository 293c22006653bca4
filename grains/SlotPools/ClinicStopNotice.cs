namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// What a patient is told when their doctor's session is cancelled. Self-contained (doctor, date,
/// number) so the sender never has to read the pool, which may have changed since.
/// </summary>
public sealed record ClinicStopNotice(
    string NotificationId,
    string PatientId,
    string ReservationId,
    string PoolId,
    string DoctorId,
    DateOnly Date,
    ClinicSession Session,
    int SequenceNumber,
    DateTimeOffset VisitTime,
    string? Reason,
    DateTimeOffset CreatedAt)
{
    /// <summary>The outbox's <c>kind</c> for this notice.</summary>
    public const string Kind = "clinic_stopped";
}
