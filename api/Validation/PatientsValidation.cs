using OrleansBooking.Api.Contracts.Patients;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Api.Validation;

/// <summary>Turns a patient registration into a profile, or names everything wrong with it.</summary>
public static class PatientsValidation
{
    public const int MaxNameLength = 64;
    public const int MaxBulkCount = 200_000;
    public const int MaxBulkPrefixLength = 50;

    /// <summary>A new patient of <paramref name="accountId"/>, under an id the service issues.</summary>
    public static PatientProfile? ToProfile(
        string accountId, RegisterPatientRequest request, Func<string> newPatientId, HospitalTime time, RequestErrors errors)
    {
        FieldRules.CheckId(errors, "accountId", accountId);
        // Ids used to be the client's, in one namespace for the whole hospital: a second account
        // collided with the first and learnt that the id existed.
        if (request.PatientId is not null) errors.Add("patientId", "patientId is issued by the service: leave it out and read it from the answer.");
        var name = FieldRules.CheckText(errors, "name", request.Name, MaxNameLength);
        var residentId = CheckResidentId(errors, "residentId", request.ResidentId, time);
        var birthDate = request.BirthDate is null ? null : FieldRules.CheckDate(errors, "birthDate", request.BirthDate);
        var sex = request.Sex is null ? null : FieldRules.CheckEnum(errors, "sex", request.Sex, required: true, Sex.Female, Sex.Male);
        if (residentId is not null)
        {
            // What the patient states must be what their ID says: a mismatch is a typo or someone else's ID.
            if (birthDate is { } stated && stated != residentId.BirthDate) errors.Add("birthDate", "birthDate is not the birth date the resident ID holds.");
            if (sex is { } statedSex && statedSex != residentId.Sex) errors.Add("sex", "sex is not the sex the resident ID holds.");
        }
        Accounts.CredentialRules.CheckMobile(errors, "phone", request.Phone);
        if (errors.Any) return null;

        return new PatientProfile(
            newPatientId(), accountId, name!, residentId!.Value, request.Phone!, residentId.BirthDate, residentId.Sex, time.Now);
    }

    /// <summary>The name and phone after an edit (absent fields keep <paramref name="current"/>'s), or null with the errors.</summary>
    public static (string Name, string Phone)? ToDetails(EditPatientRequest request, PatientProfile current, RequestErrors errors)
    {
        if (request.Name is null && request.Phone is null) errors.Add("name", "Give name, phone or both.");
        var name = request.Name is null ? current.Name : FieldRules.CheckText(errors, "name", request.Name, MaxNameLength);
        if (request.Phone is not null) Accounts.CredentialRules.CheckMobile(errors, "phone", request.Phone);
        return errors.Any ? null : (name!, request.Phone ?? current.Phone);
    }

    /// <summary>The resident ID and code of a claim, or null with the errors.</summary>
    public static (ResidentIdNumber ResidentId, string Code)? ToClaim(ClaimPatientRequest request, HospitalTime time, RequestErrors errors)
    {
        var residentId = CheckResidentId(errors, "residentId", request.ResidentId, time);
        Accounts.CredentialRules.CheckCode(errors, request.Code);
        return errors.Any ? null : (residentId!, request.Code!);
    }

    private static ResidentIdNumber? CheckResidentId(RequestErrors errors, string field, string? value, HospitalTime time)
    {
        var today = DateOnly.FromDateTime(time.ToLocal(time.Now).DateTime);
        var residentId = ResidentIdNumber.Parse(value, today, out var problem);
        if (residentId is null) errors.Add(field, value is null ? $"{field} is required." : $"{field} {problem}");
        return residentId;
    }

    /// <summary>The prefix, first number and count of a bulk registration, or null with the errors.</summary>
    public static (string Prefix, int First, int Count)? ToBulk(BulkRegistrationRequest request, RequestErrors errors)
    {
        var prefix = request.PatientIdPrefix;
        if (string.IsNullOrEmpty(prefix)) errors.Add("patientIdPrefix", "patientIdPrefix is required.");
        else if (prefix.Length > MaxBulkPrefixLength || !FieldRules.IsId(prefix))
            errors.Add("patientIdPrefix", $"patientIdPrefix must be 1–{MaxBulkPrefixLength} characters of A–Z, a–z, 0–9, '_', '.', ':' or '-'.");
        var count = FieldRules.CheckRange(errors, "count", request.Count, 1, MaxBulkCount, required: true);
        var first = FieldRules.CheckRange(errors, "first", request.First ?? 0, 0, int.MaxValue - MaxBulkCount, required: true);
        if (request.Password is not null)
        {
            Accounts.CredentialRules.CheckPassword(errors, "password", request.Password);
            // The patient id is the login: it must read as a user name, from the first number to the last.
            if (!errors.Any && !Accounts.CredentialRules.IsUserName(prefix + (first!.Value + count!.Value - 1)))
                errors.Add("patientIdPrefix", "With a password, patientIdPrefix must make valid logins: a–z first, then a–z, 0–9, '.', '_', '-'.");
        }
        return errors.Any ? null : (prefix!, first!.Value, count!.Value);
    }

    public static AppointmentScope? ToScope(string? scope, RequestErrors errors) =>
        scope is null ? AppointmentScope.Upcoming : FieldRules.CheckEnum(errors, "scope", scope, required: true, AppointmentScope.Upcoming, AppointmentScope.Past);
}
