namespace OrleansBooking.Grains.Catalogue;

/// <summary>
/// Who a department sees by age, in completed years on the visit day, both ends included: a
/// children's clinic "under 14" is <c>MaxYears = 13</c>; a geriatric one "65 and over" is
/// <c>MinYears = 65</c>. Null ends are open.
/// </summary>
public sealed record AgeRange(int? MinYears, int? MaxYears)
{
    /// <summary>The oldest age a range may name: nobody is turned away for being 150.</summary>
    public const int MaxAge = 150;

    /// <summary>True when a patient born on <paramref name="birthDate"/> is of an age the department sees on <paramref name="visitDate"/>.</summary>
    public bool Admits(DateOnly birthDate, DateOnly visitDate)
    {
        var age = AgeOn(birthDate, visitDate);
        return (MinYears is not { } min || age >= min) && (MaxYears is not { } max || age <= max);
    }

    /// <summary>Completed years: the birthday must have come (one born on 29 February turns a year older on 1 March in other years).</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        if (day.Month < birthDate.Month || (day.Month == birthDate.Month && day.Day < birthDate.Day)) age--;
        return age;
    }
}
