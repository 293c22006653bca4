namespace OrleansBooking.Grains.Runtime;

/// <summary>
/// Changes decided together and written in one transaction, and the replies that wait for it:
/// every turn whose result depends on these changes (it raised them, or it read state that
/// included them) is answered only after this batch commits.
/// </summary>
internal sealed class CommitBatch<TGrain, TChange>
{
    public List<TChange> Changes { get; } = [];
    public List<Turn<TGrain>> Waiters { get; } = [];
}
