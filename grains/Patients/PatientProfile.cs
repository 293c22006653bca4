namespace OrleansBooking.Grains.Patients;

/// <summary>
/// A patient's real-name data, checked at registration. The resident ID (and the birth date and
/// sex it states) never changes: it is who the patient is. The managing account may correct the
/// name and phone, through the patient grain, so the grain never books with stale ownership.
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
