using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.Payments;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Grains.Waitlist;
using OrleansBooking.Tests.Fakes;
using OrleansBooking.Tests.Hosting;
using OrleansBooking.Tests.SlotPools;

namespace OrleansBooking.Tests.Waitlist;

/// <summary>
/// A released pool on the test cluster over in-memory storage a test can keep across a silo
/// restart, watched so a test waits on a committed change (an offer lapsing) instead of sleeping.
/// </summary>
public sealed class WaitlistHarness : IAsyncDisposable
{
    public const string PoolId = "li-2026-12-07-am";

    private WaitlistHarness(GrainHost host, CommitWatch storage)
    {
        Host = host;
        Storage = storage;
    }

    public GrainHost Host { get; }

    public CommitWatch Storage { get; }

    public FakeTimeProvider Clock => Host.Clock;

    public ISlotPoolGrain Pool => Host.Pools.GetSlotPool(PoolId);

    public IWaitlistPoolGrain Waitlist => Host.Grains.GetGrain<IWaitlistPoolGrain>(PoolId);

    /// <summary>A silo on <paramref name="storage"/> (default: new) with the clock at the release instant (or <paramref name="clock"/>).</summary>
    public static async Task<WaitlistHarness> StartAsync(CommitWatch? storage = null, FakeTimeProvider? clock = null, PaymentRules? payment = null)
    {
        storage ??= new CommitWatch(new InMemoryChangeStorage<SlotPoolState, SlotPoolChange>(SlotPoolState.Empty));
        var host = await GrainHost.StartAsync(clock ?? new FakeTimeProvider(PoolHarness.ReleaseAt), services =>
        {
            services.AddSingleton<IChangeStorage<SlotPoolState, SlotPoolChange>>(storage);
            services.AddSingleton(Options.Create(new WaitlistRules()));
            services.AddSingleton(Options.Create(payment ?? new PaymentRules()));
        });
        return new WaitlistHarness(host, storage);
    }

    /// <summary>A released pool of <paramref name="quota"/> numbers, booked full by patients booked-1…booked-quota.</summary>
    public async Task<IReadOnlyList<Reservation>> CreateSoldOutPoolAsync(int quota = 1)
    {
        Assert.IsType<CreatePoolOutcome.Created>(await Pool.CreateAsync(PoolHarness.Morning(PoolId, quota)));
        var booked = new List<Reservation>();
        for (var n = 1; n <= quota; n++) booked.Add(await BookAsync($"booked-{n}"));
        return booked;
    }

    public async Task<Reservation> BookAsync(string patientId) =>
        Assert.IsType<ReserveOutcome.Reserved>(await Pool.ReserveAsync(new ReserveRequest(patientId, $"key-{patientId}"))).Reservation;

    public async Task<WaitlistPlace> JoinAsync(string patientId) =>
        Assert.IsType<JoinWaitlistOutcome.Joined>(await Waitlist.JoinWaitlistAsync(patientId)).Place;

    public Task<ReserveOutcome> AcceptAsync(string patientId) =>
        Pool.ReserveAsync(new ReserveRequest(patientId, $"accept-{patientId}", AcceptsOffer: true));

    /// <summary>The offers committed so far, in order.</summary>
    public IReadOnlyList<WaitlistOffer> CommittedOffers() =>
        Storage.Inner.CommittedChanges(PoolId).OfType<WaitlistOfferMade>().Select(m => m.Offer).ToList();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>Pool storage that completes a task once a committed write holds a change a test waits for.</summary>
public sealed class CommitWatch(InMemoryChangeStorage<SlotPoolState, SlotPoolChange> inner) : IChangeStorage<SlotPoolState, SlotPoolChange>
{
    private readonly object gate = new();
    private readonly List<(Func<SlotPoolChange, bool> Wanted, TaskCompletionSource Signal)> waiting = [];

    public InMemoryChangeStorage<SlotPoolState, SlotPoolChange> Inner => inner;

    /// <summary>Completes when a change matching <paramref name="wanted"/> is committed (now or already).</summary>
    public Task Committed(Func<SlotPoolChange, bool> wanted)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (inner.CommittedChanges(WaitlistHarness.PoolId).Any(wanted)) signal.TrySetResult();
            else waiting.Add((wanted, signal));
        }
        return signal.Task;
    }

    public Task<StoredState<SlotPoolState>?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

    public async Task WriteAsync(string key, long expectedVersion, IReadOnlyList<SlotPoolChange> changes, CancellationToken cancellationToken)
    {
        await inner.WriteAsync(key, expectedVersion, changes, cancellationToken);
        lock (gate)
        {
            foreach (var (wanted, signal) in waiting.Where(w => changes.Any(w.Wanted)).ToList())
            {
                signal.TrySetResult();
                waiting.RemoveAll(w => w.Signal == signal);
            }
        }
    }
}
