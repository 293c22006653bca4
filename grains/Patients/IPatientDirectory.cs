namespace OrleansBooking.Grains.Patients;

/// <summary>
/// Registration and the read side of patients: plain SQL, never through a grain. Registering a new
/// person needs no grain (the grain finds the profile on its next call); changes to a registered
/// patient go through the patient grain (<see cref="IPatientGrain"/>). Removed patients are not found.
/// </summary>
public interface IPatientDirectory
{
    /// <summary>
    /// Registers one patient unless the person (their resident ID) is a patient here already or the
    /// account manages <paramref name="patientsPerAccount"/> already.
    /// </summary>
    Task<RegisterOutcome> RegisterAsync(PatientProfile profile, int patientsPerAccount, CancellationToken cancellationToken);

    /// <summary>Registers many at once (load tests), skipping ids and persons that exist; returns how many were new. No account cap.</summary>
    Task<int> RegisterManyAsync(IReadOnlyList<PatientProfile> profiles, CancellationToken cancellationToken);

    Task<PatientRecord?> FindAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>The patient whose resident ID is <paramref name="residentId"/>, removed or not.</summary>
    Task<PatientOnFile?> FindOnFileAsync(string residentId, CancellationToken cancellationToken);

    /// <summary>Managed patients matching a staff search, by name, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<PatientRecord>> SearchAsync(PatientSearch search, int limit, CancellationToken cancellationToken);

    /// <summary>The account's patients in registration order.</summary>
    Task<IReadOnlyList<PatientRecord>> ListByAccountAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Upcoming ones soonest first, past ones latest first; <paramref name="today"/> is the hospital's local date.</summary>
    Task<IReadOnlyList<PatientAppointment>> ListAppointmentsAsync(
        string patientId, AppointmentScope scope, DateOnly today, CancellationToken cancellationToken);
}
