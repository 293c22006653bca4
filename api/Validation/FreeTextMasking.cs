using System.Text.RegularExpressions;

namespace OrleansBooking.Api.Validation;

/// <summary>
/// The safety net for text written where anyone but the owner may read it (audit details, paths,
/// log lines): every free-standing run of 11 or more digits — a mobile number, a resident ID
/// (whose last character may be X), a number with its country code — is masked with the same
/// 3 + 4 rule as <see cref="PhoneMasking"/> and <see cref="ResidentIdMasking"/>. Callers should
/// still pass masked values; this catches the ones that slip through.
/// </summary>
/// <remarks>
/// "Free-standing" means no ASCII letter or digit on either side, so a digit run inside a
/// generated hex id (about one in eight has 11 digits in a row) is left alone, while a number
/// after a space, a slash, a dash or a Chinese character is masked. Numbers written with
/// separators (139-1234-5678) are not recognised.
/// </remarks>
public static partial class FreeTextMasking
{
    [GeneratedRegex(@"(?<![A-Za-z\d])\d{10,}[\dXx](?![A-Za-z\d])", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumber();

    public static string Mask(string text) =>
        LongNumber().Replace(text, static number => number.Length == PhoneMasking.Length
            ? PhoneMasking.Mask(number.Value)
            : ResidentIdMasking.MaskResidentId(number.Value));

    public static string? MaskOrNull(string? text) => text is null ? null : Mask(text);
}
