using System.Text.RegularExpressions;
using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Api.Validation;

/// <summary>How a staff search for a patient reads: a whole resident ID, a whole mobile number, else an id or the start of a name.</summary>
public static partial class PatientSearchRules
{
    public const int MaxSearchLength = 64;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static PatientSearch? ToSearch(RequestErrors errors, string? search)
    {
        if (FieldRules.CheckText(errors, "search", search, MaxSearchLength) is not { } text) return null;
        if (ResidentIdShape().IsMatch(text)) return new PatientSearch(PatientSearchBy.ResidentId, text.ToUpperInvariant());
        if (MobileShape().IsMatch(text)) return new PatientSearch(PatientSearchBy.Phone, text);
        return new PatientSearch(PatientSearchBy.IdOrName, text);
    }

    [GeneratedRegex("^[0-9]{17}[0-9Xx]$")]
    private static partial Regex ResidentIdShape();

    [GeneratedRegex("^1[0-9]{10}$")]
    private static partial Regex MobileShape();
}
