namespace OrleansBooking.Grains.Patients;

public abstract record LiftOutcome
{
    /// <summary>The patient may book; <paramref name="WasSuspended"/> tells whether a suspension was ended.</summary>
    public sealed record Lifted(bool WasSuspended) : LiftOutcome;

    public sealed record PatientNotFound : LiftOutcome;
}
