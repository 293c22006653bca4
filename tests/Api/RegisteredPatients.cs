using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.Patients;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Tests.Api;

/// <summary>
/// Patients registered under ids the test chooses. The API issues patient ids itself, so tests
/// about booking (not about registering) put the patient straight into the silo's directory, as the
/// registration route does once it has validated the request.
/// </summary>
public static class RegisteredPatients
{
    private static int issued;
    // One region per test process, so residents made here never meet the synthetic ones of the bulk route's usual prefixes.
    private static readonly string Region = PatientsSyntheticProfiles.Region("tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>A valid resident ID no other call in this process gets: a different person each time.</summary>
    public static string NewResidentId()
    {
        var n = Interlocked.Increment(ref issued);
        var birth = new DateOnly(1950, 1, 1).AddDays(n / 1000 % 18_000);
        var first17 = Region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (n % 1000).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    /// <summary>Registers <paramref name="patientId"/> under <paramref name="accountId"/>; the outcome says whether it was new.</summary>
    public static Task<RegisterOutcome> RegisterDirectlyAsync(this HttpClient client, string patientId, string accountId,
        string? residentId = null, string phone = "13912345678", string name = "Test Patient")
    {
        var silo = client.SiloOf();
        var clock = silo.GetRequiredService<TimeProvider>();
        var id = ResidentIdNumber.Parse(residentId ?? NewResidentId(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), out var problem)
            ?? throw new ArgumentException($"Resident ID {problem}", nameof(residentId));
        var profile = new PatientProfile(patientId, accountId, name, id.Value, phone, id.BirthDate, id.Sex, clock.GetUtcNow());
        return silo.GetRequiredService<IPatientDirectory>().RegisterAsync(
            profile, silo.GetRequiredService<IOptions<PatientLimits>>().Value.PatientsPerAccount, CancellationToken.None);
    }
}
