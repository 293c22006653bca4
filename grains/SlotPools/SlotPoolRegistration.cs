using OrleansBooking.Grains.Runtime;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>Puts slot pools on the actor runtime.</summary>
public static class SlotPoolRegistration
{
    public static ISlotPoolGrainFactory AddSlotPools(
        this GrainRuntime runtime, IGrainStorage<SlotPoolState, SlotPoolChange> storage, TimeProvider clock, SlotPoolRules rules)
    {
        var errors = rules.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid slot pool rules: " + string.Join(" ", errors), nameof(rules));
        var zone = rules.TimeZone;
        runtime.Register<SlotPoolGrain, SlotPoolState, SlotPoolChange>(storage, () => new SlotPoolGrain(clock, rules, zone));
        return new ActorSlotPools(runtime);
    }

    private sealed class ActorSlotPools(GrainRuntime runtime) : ISlotPoolGrainFactory
    {
        public ISlotPoolGrain GetSlotPool(string poolId) => new SlotPoolGrainReference(runtime.GetGrain<SlotPoolGrain>(poolId));
    }
}
