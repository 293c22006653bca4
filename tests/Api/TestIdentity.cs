using OrleansBooking.Api.Accounts;

namespace OrleansBooking.Tests.Api;

/// <summary>Who a test request acts as: a role, an account id and, for a doctor, the catalogue doctor.</summary>
public sealed record TestIdentity(string Role, string AccountId, string? DoctorId = null)
{
    public static readonly TestIdentity Admin = new(AccountRoles.Admin, "acct-test-admin");

    public static TestIdentity Patient(string accountId) => new(AccountRoles.Patient, accountId);

    /// <summary>The account that manages <paramref name="patientId"/> in tests that book one patient per account.</summary>
    public static TestIdentity PatientAccountOf(string patientId) => Patient(AccountIdOf(patientId));

    public static string AccountIdOf(string patientId) => ("acct-" + patientId)[..Math.Min(64, patientId.Length + 5)];

    public static TestIdentity Doctor(string doctorId) => new(AccountRoles.Doctor, "acct-dr-" + doctorId, doctorId);
}
