using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Tests.Fakes;
using OrleansBooking.Tests.Hosting;

namespace OrleansBooking.Tests.GroupCommit;

/// <summary>
/// The test ledger on Orleans' test cluster over in-memory storage, with waits that fail with a
/// message (instead of hanging the run) when what a test waits for never happens.
/// </summary>
public sealed class LedgerHarness : IAsyncDisposable
{
    public const string DefaultLedger = "ledger";

    /// <summary>How long a wait may take before the test fails; only reached when something is broken.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private LedgerHarness(GrainHost host, InMemoryChangeStorage<LedgerState, LedgerEntry> storage, LedgerDecisions decisions)
    {
        Host = host;
        Storage = storage;
        Decisions = decisions;
    }

    /// <summary>
    /// Starts a silo. <paramref name="wrap"/> may put a decorator between the grains and the
    /// in-memory storage (to fail a chosen write, say); <see cref="Storage"/> stays the inner one.
    /// </summary>
    public static async Task<LedgerHarness> StartAsync(
        Action<GrainOptions>? configure = null,
        Func<IChangeStorage<LedgerState, LedgerEntry>, IChangeStorage<LedgerState, LedgerEntry>>? wrap = null)
    {
        var storage = new InMemoryChangeStorage<LedgerState, LedgerEntry>(LedgerState.Empty);
        var decisions = new LedgerDecisions();
        IChangeStorage<LedgerState, LedgerEntry> seen = wrap is null ? storage : wrap(storage);
        var host = await GrainHost.StartAsync(
            new FakeTimeProvider(TestClocks.DefaultStart),
            services =>
            {
                services.AddSingleton(seen);
                services.AddSingleton(decisions);
            },
            configure);
        return new LedgerHarness(host, storage, decisions);
    }

    public GrainHost Host { get; }

    public InMemoryChangeStorage<LedgerState, LedgerEntry> Storage { get; }

    public LedgerDecisions Decisions { get; }

    public ILedgerGrain Ledger(string name = DefaultLedger) => Host.Grains.GetGrain<ILedgerGrain>(name);

    /// <summary>The keys storage holds for <paramref name="ledger"/>, in commit order.</summary>
    public IReadOnlyList<string> Stored(string ledger = DefaultLedger) => [.. Storage.CommittedChanges(ledger).Select(e => e.Key)];

    /// <summary>Waits until one more write has arrived at the held gate (<see cref="InMemoryChangeStorage{TState, TChange}.HoldWrites"/>).</summary>
    public async Task WriteAtGateAsync()
    {
        var arrived = await Storage.WritesAtGate.WaitAsync(Patience);
        Assert.True(arrived, $"Expected a write to arrive at the held gate within {Patience.TotalSeconds} s; none did.");
    }

    /// <summary>Waits until the silo's ledgers have made at least <paramref name="expected"/> decisions in all.</summary>
    public async Task DecidedAsync(int expected)
    {
        try
        {
            await Decisions.WhenAtLeast(expected).WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Expected {expected} decisions within {Patience.TotalSeconds} s; saw {Decisions.Count}.");
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
