using System.Globalization;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Api.Validation;

/// <summary>
/// The 18-character resident identity number (GB 11643-1999): 6 digits of region, 8 of birth date
/// (yyyyMMdd), 3 of sequence — odd for men, even for women — and an ISO 7064 MOD 11-2 check character.
/// The region is checked to its province (the first two digits, GB/T 2260): the county codes change
/// every year, and a number issued under an old one stays valid for life.
/// </summary>
public sealed record ResidentIdNumber(string Value, DateOnly BirthDate, Sex Sex)
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>
    /// Province-level codes: the 31 mainland provinces, regions and municipalities, and 71/81/82
    /// (Taiwan, Hong Kong, Macao, also on their residents' residence permits).
    /// </summary>
    public static readonly IReadOnlySet<string> Provinces = new HashSet<string>(StringComparer.Ordinal)
    {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    };

    /// <summary>The check character for the first 17 digits: (Σ digit × weight) mod 11 indexes "10X98765432".</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>The number with a lower-case 'x' normalised, or null with <paramref name="problem"/> saying why not.</summary>
    public static ResidentIdNumber? Parse(string? value, DateOnly today, out string? problem)
    {
        problem = null;
        if (value is null || value.Length != Length || value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9')
            || !(char.IsAsciiDigit(value[17]) || value[17] is 'X' or 'x'))
        {
            problem = "must be 18 characters: 17 digits and a digit or X.";
            return null;
        }
        var normalised = value.ToUpperInvariant();
        if (!Provinces.Contains(normalised[..2]))
        {
            problem = "does not start with a province's region code.";
            return null;
        }
        if (!DateOnly.TryParseExact(normalised.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth < Earliest || birth > today)
        {
            problem = "does not hold a valid birth date.";
            return null;
        }
        if (CheckCharacter(normalised.AsSpan(0, 17)) != normalised[17])
        {
            problem = "has a wrong check character.";
            return null;
        }
        var sex = (normalised[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        return new ResidentIdNumber(normalised, birth, sex);
    }
}
