using System.Globalization;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Api.Validation;

/// <summary>
/// The 18-character resident identity number (GB 11643-1999): 6 digits of region, 8 of birth date
/// (yyyyMMdd), 3 of sequence — odd for men, even for women — and an ISO 7064 MOD 11-2 check character.
/// </summary>
public sealed record ResidentIdNumber(string Value, DateOnly BirthDate, Sex Sex)
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly Earliest = new(1900, 1, 1);

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
