namespace OrleansBooking.Grains.Patients;

public abstract record NoShowOutcome
{
    /// <summary>The no-show is on record (now, or it was: recording twice is harmless); <paramref name="SuspendedUntil"/> when booking is suspended.</summary>
    public sealed record Recorded(int CountingNoShows, DateTimeOffset? SuspendedUntil) : NoShowOutcome;

    public sealed record PatientNotFound : NoShowOutcome;
}
