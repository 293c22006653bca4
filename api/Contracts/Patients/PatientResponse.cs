using System.Globalization;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Api.Contracts.Patients;

/// <summary>
/// A patient. <see cref="ResidentId"/> and <see cref="Phone"/> are in full only on the owner's own
/// detail route; everywhere else they are masked (e.g. <c>110***********123X</c>, <c>139****5678</c>).
/// </summary>
public sealed record PatientResponse(
    string PatientId,
    string AccountId,
    string Name,
    string ResidentId,
    string Phone,
    string BirthDate,
    Sex Sex,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? SuspendedUntil)
{
    public static PatientResponse From(PatientRecord record, HospitalTime time, bool masked)
    {
        var profile = record.Profile;
        return new PatientResponse(
            profile.PatientId,
            profile.AccountId,
            profile.Name,
            masked ? ResidentIdMasking.MaskResidentId(profile.ResidentId) : profile.ResidentId,
            masked ? PhoneMasking.Mask(profile.Phone) : profile.Phone,
            profile.BirthDate.ToString(WireFormats.Date, CultureInfo.InvariantCulture),
            profile.Sex,
            time.ToLocal(profile.RegisteredAt),
            record.SuspendedUntilAt(time.Now) is { } until ? time.ToLocal(until) : null);
    }
}
