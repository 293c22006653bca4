namespace OrleansBooking.Grains.Patients;

/// <summary>
/// What the patient grain reads from the database outside its own state — its reservations and
/// undrawn entries (to correct drift before refusing) and its profile (a patient registered after
/// the grain activated) — and the managing account's rare changes to the profile, written inside
/// the grain's turn.
/// </summary>
public interface IPatientRecords
{
    /// <summary>
    /// The patient's reservations from committed rows, each with its pool's visit day and department,
    /// and their entries in pools that have not drawn, each with its draw's instant (past ones too:
    /// the caller knows the time).
    /// </summary>
    Task<StoredBookings> ReadBookingsAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>The profile, or null when not registered or removed.</summary>
    Task<PatientProfile?> FindProfileAsync(string patientId, CancellationToken cancellationToken);

    Task SaveDetailsAsync(string patientId, string name, string phone, CancellationToken cancellationToken);

    /// <summary>No account manages the patient from <paramref name="at"/>; the row and its identity stay.</summary>
    Task RemoveAsync(string patientId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// <paramref name="accountId"/> manages the patient from now on (removed or not before); false,
    /// and nothing changed, when that account manages <paramref name="patientsPerAccount"/> already.
    /// </summary>
    Task<bool> AttachAsync(string patientId, string accountId, int patientsPerAccount, CancellationToken cancellationToken);
}
