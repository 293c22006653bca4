namespace OrleansBooking.Api.Accounts;

/// <summary>
/// A claim value as <see cref="RememberedTicket"/> keeps it. A session's ids are GUIDs written as
/// 32 lowercase hex digits, an account's after <see cref="AccountRegistration.AccountIdPrefix"/>:
/// as text each is 86–96 bytes, as a <see cref="Guid"/> 16, and a session carries three. Any other
/// value is kept as it is.
/// </summary>
/// <remarks>
/// Only a value that writes back to exactly the same text is kept as a GUID (uppercase hex, or an
/// all-zero id, stays text), so <see cref="ToString"/> always gives the value opened from the token.
/// Writing the text again costs each request ≈ 90 bytes and some tens of nanoseconds per id.
/// </remarks>
internal readonly struct CompactClaimValue
{
    private const int HexDigits = 32;

    /// <summary>The whole value, or, when <see cref="id"/> is set, what comes before the GUID.</summary>
    private readonly string text;
    private readonly Guid id;

    private CompactClaimValue(string text, Guid id)
    {
        this.text = text;
        this.id = id;
    }

    public static CompactClaimValue Of(string value)
    {
        if (value.Length < HexDigits || !Guid.TryParseExact(value.AsSpan(value.Length - HexDigits), "N", out var id) || id == Guid.Empty)
            return new CompactClaimValue(value, Guid.Empty);
        Span<char> written = stackalloc char[HexDigits];
        if (!id.TryFormat(written, out _, "N") || !written.SequenceEqual(value.AsSpan(value.Length - HexDigits)))
            return new CompactClaimValue(value, Guid.Empty);
        return new CompactClaimValue(Prefix(value.AsSpan(0, value.Length - HexDigits)), id);
    }

    public override string ToString() => id == Guid.Empty
        ? text
        : string.Create(text.Length + HexDigits, this, static (chars, value) =>
        {
            value.text.CopyTo(chars);
            value.id.TryFormat(chars[value.text.Length..], out _, "N");
        });

    private static string Prefix(ReadOnlySpan<char> prefix) => prefix switch
    {
        "" => "",
        AccountRegistration.AccountIdPrefix => AccountRegistration.AccountIdPrefix,
        _ => prefix.ToString(),
    };
}
