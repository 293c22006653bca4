using System.Collections.Frozen;
using System.Text;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// Enum values as the database stores them: <c>PendingPayment</c> is <c>pending_payment</c>, so
/// rows read well in plain SQL and do not depend on the enums' numeric order.
/// </summary>
internal static class SnakeCase<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToFrozenDictionary(value => value, value => ToSnakeCase(value.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string Name(TEnum value) =>
        Names.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(TEnum).Name}.");

    public static TEnum Parse(string name) =>
        Values.TryGetValue(name, out var value)
            ? value
            : throw new InvalidDataException($"The database holds '{name}', which is not a {typeof(TEnum).Name}.");

    private static string ToSnakeCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && builder.Length > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
