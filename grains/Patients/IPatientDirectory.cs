namespace OrleansBooking.Grains.Patients;

/// <summary>
/// Registration and the read side of patients: plain SQL, never through a grain. A profile is
/// write-once, so registering it needs no grain; the grain finds it on its next call.
/// </summary>
public interface IPatientDirectory
{
    /// <summary>Registers one patient unless the id is taken or the account manages <paramref name="patientsPerAccount"/> already.</summary>
    Task<RegisterOutcome> RegisterAsync(PatientProfile profile, int patientsPerAccount, CancellationToken cancellationToken);

    /// <summary>Registers many at once (load tests), skipping ids that exist; returns how many were new. No account cap.</summary>
    Task<int> RegisterManyAsync(IReadOnlyList<PatientProfile> profiles, CancellationToken cancellationToken);

    Task<PatientRecord?> FindAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>The account's patients in registration order.</summary>
    Task<IReadOnlyList<PatientRecord>> ListByAccountAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Upcoming ones soonest first, past ones latest first; <paramref name="today"/> is the hospital's local date.</summary>
    Task<IReadOnlyList<PatientAppointment>> ListAppointmentsAsync(
        string patientId, AppointmentScope scope, DateOnly today, CancellationToken cancellationToken);
}
