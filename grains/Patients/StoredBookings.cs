namespace OrleansBooking.Grains.Patients;

/// <summary>
/// What the database holds that takes the patient's limit places: their reservations, and their
/// entries in draws the pool has not drawn yet (the pool's committed entries, so a patient grain
/// loaded again still counts them).
/// </summary>
public sealed record StoredBookings(IReadOnlyList<BookedVisit> Visits, IReadOnlyList<DrawEntryPlace> Entries)
{
    public static readonly StoredBookings None = new([], []);

    /// <summary>
    /// The bookings as read from storage; <see cref="None"/> when there are none (most patients), so
    /// a loaded state, which keeps what it was loaded from, does not keep two empty lists per patient.
    /// </summary>
    public static StoredBookings Of(IReadOnlyList<BookedVisit> visits, IReadOnlyList<DrawEntryPlace> entries) =>
        visits.Count == 0 && entries.Count == 0 ? None : new(visits, entries);
}
