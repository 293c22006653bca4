using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Api.Patients;

/// <summary>
/// Valid, made-up real-name data for load-test patients: patient n is born 1950-01-01 plus n / 1000
/// days, has sequence n mod 1000 (so its sex alternates), a correct check character, and phone 139 plus n.
/// One patient per person holds across runs too: the region (a province and four more digits) is
/// taken from the prefix, so two runs' patients n are different people (340,000 regions; a run
/// whose region another run took finds its persons on file and skips them, as it skips ids).
/// </summary>
public static class PatientsSyntheticProfiles
{
    private static readonly DateOnly FirstBirthDate = new(1950, 1, 1);
    private static readonly string[] Provinces = [.. ResidentIdNumber.Provinces.Order(StringComparer.Ordinal)];

    public static PatientProfile Profile(string prefix, int number, DateTimeOffset now)
    {
        var patientId = prefix + number.ToString(CultureInfo.InvariantCulture);
        // Cycles every 50 years of birth dates, so any number gives a date in the past.
        var birth = FirstBirthDate.AddDays(number / 1000 % 18_000);
        var first17 = Region(prefix) + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (number % 1000).ToString("D3", CultureInfo.InvariantCulture);
        var residentId = first17 + ResidentIdNumber.CheckCharacter(first17);
        var phone = "139" + (number % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var sex = number % 1000 % 2 == 1 ? Sex.Male : Sex.Female;
        return new PatientProfile(patientId, patientId, $"Patient {number}", residentId, phone, birth, sex, now);
    }

    /// <summary>Six region digits from the prefix: a valid province, then four digits (a stable hash, not the process's string hash).</summary>
    public static string Region(string prefix)
    {
        var hash = BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(prefix)));
        return Provinces[hash % (uint)Provinces.Length] + (hash / (uint)Provinces.Length % 10_000).ToString("D4", CultureInfo.InvariantCulture);
    }
}
