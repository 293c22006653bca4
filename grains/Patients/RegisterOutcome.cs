namespace OrleansBooking.Grains.Patients;

public abstract record RegisterOutcome
{
    public sealed record Registered(PatientProfile Profile) : RegisterOutcome;

    /// <summary>The patient id is taken.</summary>
    public sealed record PatientExists(string PatientId) : RegisterOutcome;

    /// <summary>The account manages <paramref name="Allowed"/> patients already.</summary>
    public sealed record AccountFull(int Allowed) : RegisterOutcome;
}
