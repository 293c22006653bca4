using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Tests.Hosting;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.SlotPools;

/// <summary>Slot pools on Orleans' test cluster over in-memory storage, with a fake clock set just before release.</summary>
public sealed class PoolHarness : IAsyncDisposable
{
    private PoolHarness(GrainHost host, InMemoryChangeStorage<SlotPoolState, SlotPoolChange> storage)
    {
        Host = host;
        Storage = storage;
    }

    /// <summary>08:00 in Beijing on 30 Nov 2026: when the test pools' numbers are released.</summary>
    public static readonly DateTimeOffset ReleaseAt = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8));

    public static async Task<PoolHarness> StartAsync(Action<GrainOptions>? configure = null)
    {
        var storage = new InMemoryChangeStorage<SlotPoolState, SlotPoolChange>(SlotPoolState.Empty);
        var host = await GrainHost.StartAsync(
            new FakeTimeProvider(ReleaseAt - TimeSpan.FromMinutes(5)),
            services => services.AddSingleton<IChangeStorage<SlotPoolState, SlotPoolChange>>(storage),
            configure);
        return new PoolHarness(host, storage);
    }

    public GrainHost Host { get; }

    public FakeTimeProvider Clock => Host.Clock;

    public SlotPoolRules Rules { get; } = new();

    public InMemoryChangeStorage<SlotPoolState, SlotPoolChange> Storage { get; }

    public ISlotPoolGrainFactory Pools => Host.Pools;

    /// <summary>Dr. Li's morning on 7 Dec 2026: from 08:00, 10 minutes a number.</summary>
    public static PoolDefinition Morning(string poolId = "li-2026-12-07-am", int quota = 30) =>
        new(poolId, "dr-li", new DateOnly(2026, 12, 7), ClinicSession.Morning, new TimeOnly(8, 0), 10, quota, 50m, ReleaseAt);

    public async Task<ISlotPoolGrain> CreateReleasedPoolAsync(int quota = 30, string poolId = "li-2026-12-07-am")
    {
        var pool = Pools.GetSlotPool(poolId);
        Assert.IsType<CreatePoolOutcome.Created>(await pool.CreateAsync(Morning(poolId, quota)));
        if (Clock.GetUtcNow() < ReleaseAt) Clock.SetUtcNow(ReleaseAt);
        return pool;
    }

    /// <summary>
    /// 13:30 on the morning's day: its 30 numbers are over (13:00) plus the no-show grace, and the
    /// visit day still runs, so every move of the doctor's day is open (<see cref="DoctorsDayHours"/>).
    /// </summary>
    public static readonly DateTimeOffset DoctorsDayOpen = new(2026, 12, 7, 13, 30, 0, TimeSpan.FromHours(8));

    /// <summary>A released pool (<see cref="CreateReleasedPoolAsync"/>) with the clock moved on to <see cref="DoctorsDayOpen"/>.</summary>
    public async Task<ISlotPoolGrain> CreatePoolOnItsDayAsync(int quota = 30, string poolId = "li-2026-12-07-am")
    {
        var pool = await CreateReleasedPoolAsync(quota, poolId);
        Clock.SetUtcNow(DoctorsDayOpen);
        return pool;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
