using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.Invariants;

/// <summary>
/// Wraps a store's pool storage: counts the transactions (one per write) and the changes they
/// carry, and can make writes fail as a database would — before committing, or after
/// committing but before answering (the ambiguous case a dropped connection creates).
/// </summary>
public sealed class TransactionCounter(IChangeStorage<SlotPoolState, SlotPoolChange> inner) : IChangeStorage<SlotPoolState, SlotPoolChange>
{
    private int transactions;
    private int changes;
    private int failuresBeforeCommit;
    private int failuresAfterCommit;

    public int Transactions => Volatile.Read(ref transactions);

    public int Changes => Volatile.Read(ref changes);

    /// <summary>The next <paramref name="count"/> writes fail without touching the database.</summary>
    public void FailBeforeCommit(int count) => Volatile.Write(ref failuresBeforeCommit, count);

    /// <summary>The next <paramref name="count"/> writes commit, then report a failure.</summary>
    public void FailAfterCommit(int count) => Volatile.Write(ref failuresAfterCommit, count);

    /// <summary>Runs before every write with the number of writes attempted so far (1 for the first).</summary>
    public Func<int, Task>? BeforeWrite { get; set; }

    private int attempts;

    public Task<StoredState<SlotPoolState>?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

    public async Task WriteAsync(string key, long expectedVersion, IReadOnlyList<SlotPoolChange> batch, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref attempts);
        if (BeforeWrite is { } hook) await hook(attempt);
        if (TakeOne(ref failuresBeforeCommit)) throw new IOException("Injected: connection lost before commit.");
        await inner.WriteAsync(key, expectedVersion, batch, cancellationToken);
        Interlocked.Increment(ref transactions);
        Interlocked.Add(ref changes, batch.Count);
        if (TakeOne(ref failuresAfterCommit)) throw new IOException("Injected: connection lost after commit, before the reply.");
    }

    private static bool TakeOne(ref int budget)
    {
        int seen;
        while ((seen = Volatile.Read(ref budget)) > 0)
            if (Interlocked.CompareExchange(ref budget, seen - 1, seen) == seen) return true;
        return false;
    }
}
