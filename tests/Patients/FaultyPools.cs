using System.Reflection;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.Patients;

/// <summary>
/// Real pools, except that reserving in the named ones throws <see cref="Fault"/> — after the
/// pool decided (<see cref="FailAfterDeciding"/>) or without reaching it. A proxy, so it keeps
/// up with whatever the pool contract grows.
/// </summary>
public sealed class FaultyPools(ISlotPoolGrainFactory inner, params string[] failing) : ISlotPoolGrainFactory
{
    // What Orleans throws when the pool's answer does not arrive within the response timeout.
    public Exception Fault { get; set; } = new TimeoutException("Response did not arrive on time for message: Request SlotPoolGrain/faulty");

    /// <summary>The reservation is made and durable, but the caller sees the fault (a lost reply).</summary>
    public bool FailAfterDeciding { get; set; }

    public ISlotPoolGrain GetSlotPool(string poolId)
    {
        var pool = inner.GetSlotPool(poolId);
        if (!failing.Contains(poolId)) return pool;
        var proxy = DispatchProxy.Create<ISlotPoolGrain, FaultyPool>();
        ((FaultyPool)(object)proxy).Set(pool, this);
        return proxy;
    }

    public class FaultyPool : DispatchProxy
    {
        private ISlotPoolGrain? target;
        private FaultyPools? owner;

        internal void Set(ISlotPoolGrain pool, FaultyPools pools) => (target, owner) = (pool, pools);

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method!.Name != nameof(ISlotPoolGrain.ReserveAsync)) return method.Invoke(target, args);
            return ReserveAsync((ReserveRequest)args![0]!);
        }

        private async Task<ReserveOutcome> ReserveAsync(ReserveRequest request)
        {
            if (owner!.FailAfterDeciding) await target!.ReserveAsync(request);
            throw owner.Fault;
        }
    }
}
