namespace OrleansBooking.Grains.Patients;

[GenerateSerializer, Immutable, Alias("OrleansBooking.PatientWithdrawNoShowOutcome")]
public abstract record PatientWithdrawNoShowOutcome
{
    /// <summary>
    /// The no-show no longer counts. <paramref name="WasOnRecord"/>: the patient's record held it
    /// (false for a repeat); <paramref name="SuspensionLifted"/>: the suspension it helped cause was ended.
    /// </summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.PatientWithdrawNoShowOutcome.Withdrawn")]
    public sealed record Withdrawn(bool WasOnRecord, bool SuspensionLifted) : PatientWithdrawNoShowOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.PatientWithdrawNoShowOutcome.PatientNotFound")]
    public sealed record PatientNotFound : PatientWithdrawNoShowOutcome;
}
