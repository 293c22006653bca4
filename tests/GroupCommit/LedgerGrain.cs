using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Tests.GroupCommit;

/// <summary>
/// The test ledger, using <see cref="GroupCommit{TState, TChange}"/> the way the slot pools do:
/// loaded on activation (deactivating when found stale), drained on deactivation, every command
/// decided synchronously and answered after its commit. Each decision is reported to
/// <see cref="LedgerDecisions"/>, so a test knows when its calls have been decided.
/// </summary>
[Reentrant]
public sealed class LedgerGrain(
    IChangeStorage<LedgerState, LedgerEntry> storage,
    IOptions<GrainOptions> options,
    LedgerDecisions decisions,
    ILogger<LedgerGrain> logger) : Grain, ILedgerGrain
{
    private GroupCommit<LedgerState, LedgerEntry> commit = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        commit = await GroupCommit<LedgerState, LedgerEntry>.LoadAsync(
            key, nameof(LedgerGrain), storage, LedgerState.Empty, options.Value, logger, this.DeactivateOnIdle);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => commit.DrainAsync();

    public Task<AppendOutcome> AppendAsync(string entryKey) => commit.DecideAsync(() => Append(entryKey));

    private AppendOutcome Append(string entryKey)
    {
        try
        {
            if (commit.State.PositionOf(entryKey) is { } earlier) return new AppendOutcome(earlier, Replayed: true);
            commit.Raise(new LedgerEntry(entryKey));
            return new AppendOutcome(commit.State.Keys.Count, Replayed: false);
        }
        finally
        {
            decisions.Decided();
        }
    }

    public Task<string[]> CommittedAsync() => Task.FromResult(commit.Committed.Keys.ToArray());

    public Task<string[]> DecidedAsync() => Task.FromResult(commit.State.Keys.ToArray());
}
