using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace OrleansBooking.LoadTests.Measurement;

/// <summary>How each virtual patient's visit ended, e.g. booked, sold out everywhere, gave up.</summary>
public enum JourneyEnd
{
    Booked,
    BookedThenCancelled,
    SoldOutEverywhere,
    AlreadyBooked,
    LimitReached,
    PoolClosed,
    GaveUpAfterErrors,
    Browsed,
    Other,
}

/// <summary>Counts of <see cref="JourneyEnd"/> values, safe from many threads.</summary>
public sealed class JourneyTally
{
    private readonly ConcurrentDictionary<JourneyEnd, StrongBox<long>> _counts = new();

    public void Add(JourneyEnd end) =>
        Interlocked.Increment(ref _counts.GetOrAdd(end, static _ => new StrongBox<long>()).Value);

    public long Count(JourneyEnd end) => _counts.TryGetValue(end, out var box) ? Volatile.Read(ref box.Value) : 0;

    public IReadOnlyList<(JourneyEnd End, long Count)> Snapshot() =>
        _counts.Select(p => (p.Key, Volatile.Read(ref p.Value.Value))).OrderByDescending(p => p.Item2).ToList();
}
