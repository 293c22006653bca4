using Microsoft.Extensions.Options;
using OrleansBooking.Api.Payments;
using OrleansBooking.Silo.Hosting.ClusterJobs;

namespace OrleansBooking.Silo.Hosting.Payment;

/// <summary>The refund job of the whole cluster (key <see cref="ClusterJob.Key"/>).</summary>
public interface IRefundJobGrain : IClusterJobGrain;

/// <summary>
/// Runs <see cref="RefundRun"/> every <see cref="PaymentProviderOptions.RefundInterval"/>, once per
/// cluster: refunds are opened from what the database says is owed and retried until the provider
/// confirms them, so a lost silo or a provider outage only delays them.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed partial class RefundJobGrain(RefundRun run, IOptions<PaymentProviderOptions> options, ILogger<RefundJobGrain> logger)
    : RepeatingClusterJob(logger), IRefundJobGrain
{
    protected override TimeSpan Interval => options.Value.RefundInterval;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var confirmed = await run.RunAsync(cancellationToken);
        if (confirmed > 0) LogConfirmed(confirmed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund job: the provider confirmed {Count} refunds.")]
    private partial void LogConfirmed(int count);
}
