namespace OrleansBooking.Grains.Patients;

/// <summary>
/// The patient a resident ID belongs to, as a claim needs it: where to send the proof, and
/// whether an account manages them now (<paramref name="Removed"/>: none does).
/// </summary>
public sealed record PatientOnFile(string PatientId, string AccountId, string Phone, bool Removed);
