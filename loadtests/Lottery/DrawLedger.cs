using System.Collections.Concurrent;
using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Lottery;

/// <summary>
/// A patient's own look at "my draws" after the draw: the entry for the pool as the account saw it,
/// null when the list did not have it; unreadable if the read failed.
/// </summary>
public sealed record OwnDrawRead(string PoolId, string PatientId, AccountDrawEntry? Entry, bool Readable = true);

/// <summary>Every entry the service acknowledged with a 202, and what each entrant read of its result.</summary>
public sealed class DrawLedger
{
    private readonly ConcurrentDictionary<(string PoolId, string PatientId), DrawEntry> _entries = new();
    private readonly ConcurrentDictionary<(string PoolId, string PatientId), OwnDrawRead> _reads = new();

    public IReadOnlyCollection<DrawEntry> Entries => _entries.Values.ToList();

    public IReadOnlyCollection<OwnDrawRead> Reads => _reads.Values.ToList();

    /// <summary>An entry is idempotent, so a patient's second 202 for the pool is the same entry: the first is kept.</summary>
    public void Enter(DrawEntry entry) => _entries.TryAdd((entry.PoolId, entry.PatientId), entry);

    /// <summary>The last read a patient made of an entry (a second arrival of the same patient reads it again).</summary>
    public void Read(OwnDrawRead read) => _reads[(read.PoolId, read.PatientId)] = read;
}
