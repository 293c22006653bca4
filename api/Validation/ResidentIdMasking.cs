namespace OrleansBooking.Api.Validation;

/// <summary>
/// How identity data shows outside the owner's own detail view: enough to recognise a family
/// member, not enough to reuse (first 3 and last 4 of the resident ID, first 3 and last 4 of the phone).
/// </summary>
public static class ResidentIdMasking
{
    public static string MaskResidentId(string residentId) =>
        residentId.Length < 8 ? new string('*', residentId.Length) : residentId[..3] + new string('*', residentId.Length - 7) + residentId[^4..];

    /// <summary>The same as <see cref="PhoneMasking.Mask"/>, which is where the phone's rule lives.</summary>
    public static string MaskPhone(string phone) => PhoneMasking.Mask(phone);
}
