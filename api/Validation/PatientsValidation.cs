using OrleansBooking.Api.Contracts.Patients;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Api.Validation;

/// <summary>Turns a patient registration into a profile, or names everything wrong with it.</summary>
public static class PatientsValidation
{
    public const int MaxNameLength = 64;
    public const int MaxBulkCount = 200_000;
    public const int MaxBulkPrefixLength = 50;

    public static PatientProfile? ToProfile(
        string accountId, RegisterPatientRequest request, Func<string> newPatientId, HospitalTime time, RequestErrors errors)
    {
        FieldRules.CheckId(errors, "accountId", accountId);
        if (request.PatientId is not null) FieldRules.CheckId(errors, "patientId", request.PatientId);
        var name = FieldRules.CheckText(errors, "name", request.Name, MaxNameLength);
        var today = DateOnly.FromDateTime(time.ToLocal(time.Now).DateTime);
        var residentId = ResidentIdNumber.Parse(request.ResidentId, today, out var problem);
        if (residentId is null) errors.Add("residentId", request.ResidentId is null ? "residentId is required." : $"residentId {problem}");
        Accounts.CredentialRules.CheckMobile(errors, "phone", request.Phone);
        if (errors.Any) return null;

        return new PatientProfile(
            request.PatientId ?? newPatientId(), accountId, name!, residentId!.Value, request.Phone!, residentId.BirthDate, residentId.Sex, time.Now);
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
