using Microsoft.Extensions.Options;
using OrleansBooking.Grains.Payments;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Hosting.ClusterJobs;

namespace OrleansBooking.Silo.Hosting.Payment;

/// <summary>The hold-expiry backstop of the whole cluster (key <see cref="ClusterJob.Key"/>).</summary>
public interface IHoldExpirySweepGrain : IClusterJobGrain;

/// <summary>
/// A pool in memory expires its own holds on its timer. A pool whose silo was lost is in memory
/// nowhere until someone calls it, so once every <see cref="PaymentRules.ExpirySweepInterval"/> this
/// job asks each pool with a run-out hold in the database to expire it: the pool decides (once,
/// however many ask), the job only wakes it. Nothing to do while payment is off.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed partial class HoldExpirySweepGrain(
    ISlotPoolGrainFactory pools,
    IHoldsToExpire holds,
    IOptions<PaymentRules> rules,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<HoldExpirySweepGrain> logger) : RepeatingClusterJob(logger), IHoldExpirySweepGrain
{
    protected override TimeSpan Interval => rules.Value.ExpirySweepInterval;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        if (rules.Value.IsOff) return;
        var expired = 0;
        foreach (var poolId in await holds.FindPoolsAsync(clock.GetUtcNow(), cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            expired += (await pools.GetSlotPool(poolId).ExpireDueHoldsAsync()).Count;
        }
        if (expired > 0) LogSwept(expired);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hold-expiry sweep expired {Count} holds left by a lost activation.")]
    private partial void LogSwept(int count);
}
