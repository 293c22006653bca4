using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Tests.GroupCommit;

/// <summary>One appended entry, named by its key: a retry of the same key must not append it again.</summary>
public sealed record LedgerEntry(string Key);

/// <summary>
/// The test ledger's state: entries in append order. <see cref="Apply"/> appends whatever it is
/// given, duplicates included, so a duplicate that reached storage shows in every read of it.
/// </summary>
public sealed class LedgerState : ICommittableState<LedgerState, LedgerEntry>
{
    private readonly List<string> keys = [];
    private readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);

    public static LedgerState Empty() => new();

    /// <summary>The entries' keys in append order.</summary>
    public IReadOnlyList<string> Keys => keys;

    /// <summary>Where <paramref name="key"/> was first appended (1-based), or null when it never was.</summary>
    public int? PositionOf(string key) => positions.TryGetValue(key, out var position) ? position : null;

    public void Apply(LedgerEntry change)
    {
        keys.Add(change.Key);
        positions.TryAdd(change.Key, keys.Count);
    }

    public LedgerState Copy()
    {
        var copy = new LedgerState();
        foreach (var key in keys) copy.Apply(new LedgerEntry(key));
        return copy;
    }
}
