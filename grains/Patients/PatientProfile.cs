namespace OrleansBooking.Grains.Patients;

/// <summary>
/// A patient's real-name data, checked at registration. Write-once: it never changes after
/// registration (editing a profile would be a grain change of its own).
/// </summary>
public sealed record PatientProfile(
    string PatientId,
    string AccountId,
    string Name,
    string ResidentId,
    string Phone,
    DateOnly BirthDate,
    Sex Sex,
    DateTimeOffset RegisteredAt);
