namespace OrleansBooking.Grains.Patients;

[GenerateSerializer, Immutable, Alias("OrleansBooking.NoShowOutcome")]
public abstract record NoShowOutcome
{
    /// <summary>The no-show is on record (now, or it was: recording twice is harmless); <paramref name="SuspendedUntil"/> when booking is suspended.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.NoShowOutcome.Recorded")]
    public sealed record Recorded(int CountingNoShows, DateTimeOffset? SuspendedUntil) : NoShowOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.NoShowOutcome.PatientNotFound")]
    public sealed record PatientNotFound : NoShowOutcome;
}
