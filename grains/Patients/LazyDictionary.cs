namespace OrleansBooking.Grains.Patients;

/// <summary>
/// A string-keyed dictionary that exists only once something is added. Most active patients hold
/// no reservation, no entry and no place in doubt, and an empty <see cref="Dictionary{TKey, TValue}"/>
/// still costs 80 B (104 B once its values are read): with 200,000 patients active that was ≈ 60 MB
/// of nothing (docs/benchmarks.md, "Scale and memory"). Reads of an empty one allocate nothing.
/// </summary>
/// <remarks>
/// A mutable struct, to add no object of its own: keep it in a field that is not <c>readonly</c>
/// and never copy it, or an add lands in the copy.
/// </remarks>
internal struct LazyDictionary<TValue>
{
    private Dictionary<string, TValue>? items;

    /// <summary>The values in <paramref name="source"/>, keyed by <paramref name="key"/>; throws on equal keys, as <c>ToDictionary</c> does.</summary>
    public static LazyDictionary<TValue> Of(IEnumerable<TValue> source, Func<TValue, string> key)
    {
        var dictionary = new LazyDictionary<TValue>();
        foreach (var value in source) (dictionary.items ??= New()).Add(key(value), value);
        return dictionary;
    }

    public readonly int Count => items?.Count ?? 0;

    public readonly IReadOnlyCollection<TValue> Values => items is null ? [] : items.Values;

    /// <summary>Adds the value, or replaces the one under the same key.</summary>
    public void Set(string key, TValue value) => (items ??= New())[key] = value;

    public readonly bool ContainsKey(string key) => items?.ContainsKey(key) ?? false;

    public readonly bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
    {
        value = default;
        return items is not null && items.TryGetValue(key, out value);
    }

    public readonly bool Remove(string key) => items?.Remove(key) ?? false;

    private static Dictionary<string, TValue> New() => new(StringComparer.Ordinal);
}
