namespace OrleansBooking.Grains.Patients;

/// <summary>
/// What the patient grain reads from the database outside its own state: its reservations (to
/// correct drift before refusing) and its profile (a patient registered after the grain activated).
/// </summary>
public interface IPatientRecords
{
    /// <summary>The patient's reservations from committed rows, each with its pool's visit day and department.</summary>
    Task<IReadOnlyList<BookedVisit>> ReadBookingsAsync(string patientId, CancellationToken cancellationToken);

    Task<PatientProfile?> FindProfileAsync(string patientId, CancellationToken cancellationToken);
}
