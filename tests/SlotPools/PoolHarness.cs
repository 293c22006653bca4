using OrleansBooking.Grains.Runtime;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.SlotPools;

/// <summary>Slot pools on the actor runtime over in-memory storage, with a manual clock set just before release.</summary>
public sealed class PoolHarness : IAsyncDisposable
{
    /// <summary>08:00 in Beijing on 30 Nov 2026: when the test pools' numbers are released.</summary>
    public static readonly DateTimeOffset ReleaseAt = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8));

    public PoolHarness(Action<GrainRuntimeOptions>? configure = null)
    {
        var options = new GrainRuntimeOptions();
        configure?.Invoke(options);
        Runtime = new GrainRuntime(options, Clock);
        Pools = Runtime.AddSlotPools(Storage, Clock, Rules);
    }

    public ManualClock Clock { get; } = new(ReleaseAt - TimeSpan.FromMinutes(5));

    public SlotPoolRules Rules { get; } = new();

    public InMemoryGrainStorage<SlotPoolState, SlotPoolChange> Storage { get; } = new(SlotPoolState.Empty);

    public GrainRuntime Runtime { get; }

    public ISlotPoolGrainFactory Pools { get; }

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

    public ValueTask DisposeAsync() => Runtime.DisposeAsync();
}
