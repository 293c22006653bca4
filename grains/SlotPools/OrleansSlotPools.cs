namespace OrleansBooking.Grains.SlotPools;

/// <summary>Slot pools on Orleans: each pool id is one <see cref="SlotPoolGrain"/>, wherever in the cluster it lives.</summary>
public sealed class OrleansSlotPools(IGrainFactory grains) : ISlotPoolGrainFactory
{
    public ISlotPoolGrain GetSlotPool(string poolId) => grains.GetGrain<ISlotPoolGrain>(poolId);
}
