namespace OrleansBooking.Grains.Patients;

public abstract record RegisterOutcome
{
    public sealed record Registered(PatientProfile Profile) : RegisterOutcome;

    /// <summary>The account manages this person already, as <paramref name="PatientId"/>.</summary>
    public sealed record PatientExists(string PatientId) : RegisterOutcome;

    /// <summary>
    /// The person is a patient here under another account (or one that removed them): only proof
    /// from the phone on file attaches them to the asking account, never a second patient.
    /// </summary>
    public sealed record PersonOnFile(PatientOnFile Patient) : RegisterOutcome;

    /// <summary>The account manages <paramref name="Allowed"/> patients already.</summary>
    public sealed record AccountFull(int Allowed) : RegisterOutcome;
}
