using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using OrleansBooking.Api.Contracts;

namespace OrleansBooking.Api.Validation;

/// <summary>
/// The shape of every value the API accepts. Checked before any grain is called, so bad input
/// never reaches a pool (and never activates or writes one).
/// </summary>
public static partial class FieldRules
{
    public const int MaxIdLength = 64;
    public const int MaxIdempotencyKeyLength = 128;
    public const int MinQuota = 1;
    public const int MaxQuota = 10_000;
    public const int MinMinutesPerNumber = 1;
    public const int MaxMinutesPerNumber = 240;
    public const decimal MaxFee = 100_000m;
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReservationIdPattern();

    // The offset is mandatory: an instant without one means different moments on different servers.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();

    /// <summary>Pool, doctor and patient ids.</summary>
    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    public static void CheckId(RequestErrors errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) errors.Add(field, $"{field} is required.");
        else if (!IsId(value)) errors.Add(field, $"{field} must be 1–{MaxIdLength} characters of A–Z, a–z, 0–9, '_', '.', ':' or '-'.");
    }

    /// <summary>
    /// Free text a person typed (a name, a reason, a biography), trimmed: <paramref name="maxLength"/>
    /// characters at most, at least one when <paramref name="required"/>, and only characters that
    /// print as themselves. Null when absent or refused.
    /// </summary>
    /// <remarks>
    /// The text is shown to patients and staff and written to logs and notifications, so it must not
    /// carry what changes how other text looks: control characters and line separators (forged log
    /// lines, broken layouts), format characters such as bidi overrides (a name that reads backwards,
    /// "Trojan Source") or zero-width joiners, lone surrogates (invalid UTF-16 that breaks encoders
    /// downstream), private-use characters (a meaning only some fonts give them) and unassigned code
    /// points (they may mean anything in a later Unicode).
    /// </remarks>
    public static string? CheckText(RequestErrors errors, string field, string? value, int maxLength, bool required = true)
    {
        if (value is null)
        {
            if (required) errors.Add(field, $"{field} is required.");
            return null;
        }
        var text = value.Trim();
        if ((required && text.Length == 0) || text.Length > maxLength)
        {
            errors.Add(field, $"{field} must be {(required ? 1 : 0)}–{maxLength} characters.");
            return null;
        }
        if (IndexOfUnprintable(text) >= 0)
        {
            errors.Add(field, $"{field} must not contain control, formatting, private-use or unassigned characters.");
            return null;
        }
        return text;
    }

    /// <summary>Where <paramref name="text"/> first holds a character <see cref="CheckText"/> refuses, or -1.</summary>
    public static int IndexOfUnprintable(ReadOnlySpan<char> text)
    {
        var at = 0;
        while (at < text.Length)
        {
            if (text[at] is >= ' ' and <= '~')
            {
                at++;
                continue;
            }
            if (Rune.DecodeFromUtf16(text[at..], out var rune, out var used) != OperationStatus.Done) return at;
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                return at;
            at += used;
        }
        return -1;
    }

    /// <summary>A reservation id (32 hex digits), lower-cased as the grain issues them; null when malformed.</summary>
    public static string? CheckReservationId(RequestErrors errors, string value)
    {
        if (ReservationIdPattern().IsMatch(value)) return value.ToLowerInvariant();
        errors.Add("reservationId", "reservationId must be 32 hexadecimal digits.");
        return null;
    }

    /// <summary>The optional Idempotency-Key header: absent is fine; present means one value of 1–128 printable ASCII characters.</summary>
    public static string? CheckIdempotencyKey(RequestErrors errors, StringValues header)
    {
        if (header.Count == 0) return null;
        if (header.Count > 1)
        {
            errors.Add(IdempotencyKeyHeader, $"{IdempotencyKeyHeader} must be sent once.");
            return null;
        }
        var key = header[0] ?? "";
        if (key.Length is 0 or > MaxIdempotencyKeyLength || !key.All(c => c is >= ' ' and <= '~'))
        {
            errors.Add(IdempotencyKeyHeader, $"{IdempotencyKeyHeader} must be 1–{MaxIdempotencyKeyLength} printable ASCII characters.");
            return null;
        }
        return key;
    }

    public static DateOnly? CheckDate(RequestErrors errors, string field, string? value)
    {
        if (value is null) errors.Add(field, $"{field} is required.");
        else if (DateOnly.TryParseExact(value, WireFormats.Date, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        else errors.Add(field, $"{field} must be a date as yyyy-MM-dd.");
        return null;
    }

    public static TimeOnly? CheckTimeOfDay(RequestErrors errors, string field, string? value)
    {
        if (value is null) errors.Add(field, $"{field} is required.");
        else if (TimeOnly.TryParseExact(value, WireFormats.TimeOfDay, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        else errors.Add(field, $"{field} must be a time of day as HH:mm.");
        return null;
    }

    public static DateTimeOffset? CheckInstant(RequestErrors errors, string field, string? value, bool required)
    {
        if (value is null)
        {
            if (required) errors.Add(field, $"{field} is required.");
            return null;
        }
        if (InstantPattern().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return instant;
        errors.Add(field, $"{field} must be an ISO-8601 instant with an offset, e.g. 2026-12-01T08:00:00+08:00.");
        return null;
    }

    public static int? CheckRange(RequestErrors errors, string field, int? value, int min, int max, bool required)
    {
        if (value is null)
        {
            if (required) errors.Add(field, $"{field} is required.");
            return null;
        }
        if (value < min || value > max)
        {
            errors.Add(field, $"{field} must be between {min} and {max}.");
            return null;
        }
        return value;
    }

    public static decimal? CheckFee(RequestErrors errors, string field, decimal? value)
    {
        if (value is not { } fee) errors.Add(field, $"{field} is required.");
        else if (fee < 0 || fee > MaxFee) errors.Add(field, $"{field} must be between 0 and {MaxFee}.");
        else if (decimal.Round(fee, 2) != fee) errors.Add(field, $"{field} must have at most two decimals.");
        else return fee;
        return null;
    }

    /// <summary>An enum value by its exact wire name (lower snake case) among <paramref name="allowed"/>.</summary>
    public static TEnum? CheckEnum<TEnum>(RequestErrors errors, string field, string? value, bool required, params TEnum[] allowed)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            if (required) errors.Add(field, $"{field} is required.");
            return null;
        }
        foreach (var candidate in allowed)
            if (string.Equals(WireName(candidate), value, StringComparison.Ordinal)) return candidate;
        errors.Add(field, $"{field} must be one of: {string.Join(", ", allowed.Select(a => WireName(a)))}.");
        return null;
    }

    public static string WireName<TEnum>(TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
