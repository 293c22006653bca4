namespace OrleansBooking.Grains.Patients;

[GenerateSerializer, Immutable, Alias("OrleansBooking.LiftOutcome")]
public abstract record LiftOutcome
{
    /// <summary>The patient may book; <paramref name="WasSuspended"/> tells whether a suspension was ended.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.LiftOutcome.Lifted")]
    public sealed record Lifted(bool WasSuspended) : LiftOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.LiftOutcome.PatientNotFound")]
    public sealed record PatientNotFound : LiftOutcome;
}
