namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// The life of a reservation: pending payment → booked → checked in → in consultation →
/// completed; or cancelled / no-show. Planned whole from the start so stored rows never change meaning.
/// </summary>
public enum ReservationStatus
{
    PendingPayment,
    Booked,
    CheckedIn,
    InConsultation,
    Completed,
    Cancelled,
    NoShow,
}

public static class ReservationStatusExtensions
{
    /// <summary>An active reservation holds its number: it counts against the quota and the one-per-patient rule.</summary>
    public static bool HoldsNumber(this ReservationStatus status) =>
        status is not (ReservationStatus.Cancelled or ReservationStatus.NoShow);
}
