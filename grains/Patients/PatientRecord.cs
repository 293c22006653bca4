namespace OrleansBooking.Grains.Patients;

/// <summary>A registered patient as the directory reads it: the profile and the latest suspension, if any.</summary>
public sealed record PatientRecord(PatientProfile Profile, Suspension? Suspension)
{
    public DateTimeOffset? SuspendedUntilAt(DateTimeOffset now) => Suspension is { } s && s.IsActiveAt(now) ? s.Until : null;
}
