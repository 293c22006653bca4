using System.Reflection;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Tests.Patients;

/// <summary>
/// Real pools, except that reserving in the named ones throws <see cref="Fault"/> — after the
/// pool decided (<see cref="FailAfterDeciding"/>), before it decides (<see cref="DeliverLate"/>),
/// or without reaching it. A proxy, so it keeps up with whatever the pool contract grows.
/// </summary>
public sealed class FaultyPools(ISlotPoolGrainFactory inner, params string[] failing) : ISlotPoolGrainFactory
{
    // What Orleans throws when the pool's answer does not arrive within the response timeout.
    public Exception Fault { get; set; } = new TimeoutException("Response did not arrive on time for message: Request SlotPoolGrain/faulty");

    /// <summary>The reservation is made and durable, but the caller sees the fault (a lost reply).</summary>
    public bool FailAfterDeciding { get; set; }

    /// <summary>
    /// The caller sees the fault at once, and the request reaches the pool only at
    /// <see cref="DeliverLateAsync"/>: a call still queued at an overloaded pool when the caller's
    /// response timeout fired, decided and committed afterwards.
    /// </summary>
    public bool DeliverLate { get; set; }

    /// <summary>False: the named pools answer normally from now on.</summary>
    public bool Failing { get; set; } = true;

    private readonly List<(ISlotPoolGrain Pool, ReserveRequest Request)> late = [];

    /// <summary>Lets the pools decide the requests held back by <see cref="DeliverLate"/>, in order; their answers go nowhere.</summary>
    public async Task DeliverLateAsync()
    {
        (ISlotPoolGrain Pool, ReserveRequest Request)[] held;
        lock (late)
        {
            held = [.. late];
            late.Clear();
        }
        foreach (var (pool, request) in held) await pool.ReserveAsync(request);
    }

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
            if (!owner!.Failing) return await target!.ReserveAsync(request);
            if (owner.DeliverLate)
                lock (owner.late) owner.late.Add((target!, request));
            else if (owner.FailAfterDeciding) await target!.ReserveAsync(request);
            throw owner.Fault;
        }
    }
}
