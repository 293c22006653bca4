using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>How a doctor's-day status change reaches the reservations row.</summary>
internal static class ReservationStatusRows
{
    /// <summary>
    /// Moves a reservation from one status to another, releasing the number and the patient's slot
    /// when the new status no longer holds it (no-show). The <c>status = from</c> guard makes a row
    /// that is not where the grain thought it was count as untouched, which fails the batch.
    /// Fragments in <see cref="Values"/> order.
    /// </summary>
    public static string ChangeStatus(IReadOnlyList<string> v) =>
        $"UPDATE reservations SET status = {v[0]}, " +
        $"active_sequence = CASE WHEN {v[1]} = 1 THEN NULL ELSE active_sequence END, " +
        $"active_patient_id = CASE WHEN {v[1]} = 1 THEN NULL ELSE active_patient_id END " +
        $"WHERE pool_id = {v[2]} AND reservation_id = {v[3]} AND status = {v[4]}";

    /// <summary>The values <see cref="ChangeStatus"/> takes: new status, releases (1/0), pool, reservation, old status.</summary>
    public static object?[] Values(string poolId, ReservationStatusChanged moved) =>
    [
        SnakeCase<ReservationStatus>.Name(moved.To),
        moved.From.HoldsNumber() && !moved.To.HoldsNumber() ? 1 : 0,
        poolId,
        moved.ReservationId,
        SnakeCase<ReservationStatus>.Name(moved.From),
    ];
}
