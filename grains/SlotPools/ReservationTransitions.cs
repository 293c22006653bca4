namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// The doctor's day as a table of allowed moves: booked → checked in → in consultation →
/// completed, and no-show for a patient who was booked or checked in but is not there when it
/// counts. Cancelled, completed and no-show are final. Both engines decide with this table.
/// </summary>
public static class ReservationTransitions
{
    /// <summary>True when a reservation in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool IsAllowed(ReservationStatus from, ReservationStatus to) => (from, to) switch
    {
        (ReservationStatus.Booked, ReservationStatus.CheckedIn) => true,
        (ReservationStatus.CheckedIn, ReservationStatus.InConsultation) => true,
        (ReservationStatus.InConsultation, ReservationStatus.Completed) => true,
        // A checked-in patient who left before being called is a no-show too.
        (ReservationStatus.Booked or ReservationStatus.CheckedIn, ReservationStatus.NoShow) => true,
        _ => false,
    };

    /// <summary>The statuses the doctor's side may ask for; cancelling has its own command.</summary>
    public static bool IsDoctorsDayStatus(ReservationStatus status) =>
        status is ReservationStatus.CheckedIn or ReservationStatus.InConsultation or ReservationStatus.Completed or ReservationStatus.NoShow;
}
