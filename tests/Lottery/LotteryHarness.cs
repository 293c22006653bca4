using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.Lottery;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Fakes;
using OrleansBooking.Tests.Hosting;
using OrleansBooking.Tests.SlotPools;
using OrleansBooking.Tests.Waitlist;

namespace OrleansBooking.Tests.Lottery;

/// <summary>
/// A pool that draws, on Orleans' test cluster over in-memory storage watched for commits, with a
/// fake clock five minutes before the release. Started again on the same storage and clock, it is
/// the same pool after a restart.
/// </summary>
public sealed class LotteryHarness : IAsyncDisposable
{
    public const string PoolId = WaitlistHarness.PoolId;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    public static readonly DateTimeOffset ClosesAt = PoolHarness.ReleaseAt + Window;
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private LotteryHarness(GrainHost host, CommitWatch storage, FakeTimeProvider clock)
    {
        Host = host;
        Storage = storage;
        Clock = clock;
    }

    public GrainHost Host { get; }

    public CommitWatch Storage { get; }

    public FakeTimeProvider Clock { get; }

    public ISlotPoolGrain Pool => Host.Pools.GetSlotPool(PoolId);

    public static async Task<LotteryHarness> StartAsync(CommitWatch? storage = null, FakeTimeProvider? clock = null)
    {
        storage ??= new CommitWatch(new InMemoryChangeStorage<SlotPoolState, SlotPoolChange>(SlotPoolState.Empty));
        clock ??= new FakeTimeProvider(PoolHarness.ReleaseAt - TimeSpan.FromMinutes(5));
        var host = await GrainHost.StartAsync(clock, services => services.AddSingleton<IChangeStorage<SlotPoolState, SlotPoolChange>>(storage));
        return new LotteryHarness(host, storage, clock);
    }

    /// <summary>Creates the drawing pool and moves the clock to its release: the window is open.</summary>
    public async Task CreateOpenWindowAsync(int quota)
    {
        var definition = PoolHarness.Morning(PoolId, quota) with { LotteryWindow = new LotteryWindow(Window) };
        Assert.IsType<CreatePoolOutcome.Created>(await Pool.CreateAsync(definition));
        Clock.SetUtcNow(PoolHarness.ReleaseAt);
    }

    /// <summary>Every patient enters; each must be answered as a new entry.</summary>
    public async Task EnterAsync(IEnumerable<string> patients)
    {
        foreach (var patient in patients)
            Assert.Equal(new LotteryEntry(patient, Clock.GetUtcNow(), $"key-{patient}"),
                Assert.IsType<ReserveOutcome.Entered>(await Pool.ReserveAsync(new ReserveRequest(patient, $"key-{patient}"))) is { Replayed: false } entered
                    ? entered.Entry
                    : null);
    }

    /// <summary>Moves the clock to the window's close and waits for the draw's commit (the grain timer draws; nobody calls).</summary>
    public async Task DrawAsync()
    {
        var drawn = Storage.Committed(c => c is LotteryDrawn);
        Clock.SetUtcNow(ClosesAt);
        await drawn.WaitAsync(Patience);
    }

    public IReadOnlyList<SlotPoolChange> Committed => Storage.Inner.CommittedChanges(PoolId);

    /// <summary>The seed as stored with the pool when it was created.</summary>
    public LotterySeed StoredSeed => Committed.OfType<PoolCreated>().Single().Definition.LotterySeed!;

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
