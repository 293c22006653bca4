using OrleansBooking.Grains.References;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>Slot pools on Orleans: each pool id is one <see cref="SlotPoolGrain"/>, wherever in the cluster it lives.</summary>
public sealed class OrleansSlotPools(IGrainFactory grains) : ISlotPoolGrainFactory
{
    private readonly GrainReferences<ISlotPoolGrain> pools = new(grains);

    public ISlotPoolGrain GetSlotPool(string poolId) => pools.Get(poolId);
}
