namespace OrleansBooking.Grains.Patients;

/// <summary>What the managing account's changes to a patient (edit, remove, attach) answer.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.PatientManagementOutcome")]
public abstract record PatientManagementOutcome
{
    [GenerateSerializer, Immutable, Alias("OrleansBooking.PatientManagementOutcome.Done")]
    public sealed record Done : PatientManagementOutcome;

    /// <summary>No such patient, or another account manages them: the same answer, so existence is not told.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.PatientManagementOutcome.PatientNotFound")]
    public sealed record PatientNotFound : PatientManagementOutcome;

    /// <summary>The patient holds <paramref name="Count"/> numbers from today on: removing them would orphan those visits.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.PatientManagementOutcome.BookingsHeld")]
    public sealed record BookingsHeld(int Count) : PatientManagementOutcome;

    /// <summary>The asking account manages <paramref name="Allowed"/> patients already.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.PatientManagementOutcome.AccountFull")]
    public sealed record AccountFull(int Allowed) : PatientManagementOutcome;
}
