using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>
/// One of the patient's reservations as the limits see it: which visit day and department it
/// takes up. Cancelled ones are kept only so an idempotent retry is still recognised.
/// </summary>
public sealed record BookedVisit(
    string ReservationId,
    string PoolId,
    DateOnly VisitDate,
    string? DepartmentId,
    string? IdempotencyKey,
    ReservationStatus Status)
{
    /// <summary>Every reservation that was not cancelled takes up a place — a visit made or missed still happened that day.</summary>
    public bool Counts => Status != ReservationStatus.Cancelled;
}
