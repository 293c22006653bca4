using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace OrleansBooking.LoadTests.Measurement;

/// <summary>Counts requests per kind, HTTP status and problem <c>code</c>, from many threads.</summary>
public sealed class OutcomeTally
{
    private readonly ConcurrentDictionary<(RequestKind Kind, RequestOutcome Outcome), StrongBox<long>> _counts = new();

    public void Add(RequestKind kind, RequestOutcome outcome)
    {
        var box = _counts.GetOrAdd((kind, outcome), static _ => new StrongBox<long>());
        Interlocked.Increment(ref box.Value);
    }

    public long Count(RequestKind kind, RequestOutcome outcome) =>
        _counts.TryGetValue((kind, outcome), out var box) ? Volatile.Read(ref box.Value) : 0;

    public long Count(RequestKind kind, Func<RequestOutcome, bool> predicate) =>
        _counts.Where(p => p.Key.Kind == kind && predicate(p.Key.Outcome)).Sum(p => Volatile.Read(ref p.Value.Value));

    public long Total(Func<RequestOutcome, bool> predicate) =>
        _counts.Where(p => predicate(p.Key.Outcome)).Sum(p => Volatile.Read(ref p.Value.Value));

    /// <summary>Every (kind, outcome, count), most frequent first.</summary>
    public IReadOnlyList<(RequestKind Kind, RequestOutcome Outcome, long Count)> Snapshot() =>
        _counts.Select(p => (p.Key.Kind, p.Key.Outcome, Volatile.Read(ref p.Value.Value)))
            .OrderBy(r => r.Kind).ThenByDescending(r => r.Item3).ToList();
}
