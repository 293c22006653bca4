using Orleans.Concurrency;

namespace OrleansBooking.Tests.GroupCommit;

/// <summary>
/// A test grain that knows nothing but group commit: an append-only ledger of keyed entries
/// (key: the ledger's name).
/// </summary>
public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Appends <paramref name="entryKey"/> unless the ledger already holds it; answered once that
    /// (and everything decided before it) is committed.
    /// </summary>
    Task<AppendOutcome> AppendAsync(string entryKey);

    /// <summary>The committed entries' keys, in order; never waits for a write.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<string[]> CommittedAsync();

    /// <summary>The decided entries' keys (committed or not), in order: shows what an undo left.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<string[]> DecidedAsync();
}

/// <summary>Where an entry stands in the ledger (1-based); <c>Replayed</c> when the key was already there.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.Tests.AppendOutcome")]
public sealed record AppendOutcome(int Position, bool Replayed);
