using Microsoft.Extensions.Options;
using OrleansBooking.Api.Payments.Sandbox;
using OrleansBooking.Silo.Hosting.ClusterJobs;

namespace OrleansBooking.Silo.Hosting.Payment;

/// <summary>The sandbox provider's callback retries (key <see cref="ClusterJob.Key"/>).</summary>
public interface ISandboxCallbackRetryGrain : IClusterJobGrain;

/// <summary>
/// What a real gateway does for a merchant that did not answer: sends the callback again, every
/// <see cref="SandboxOptions.CallbackRetryInterval"/>, until the service acknowledges it.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed partial class SandboxCallbackRetryGrain(
    SandboxCallbackSender sender, IOptions<SandboxOptions> options, ILogger<SandboxCallbackRetryGrain> logger)
    : RepeatingClusterJob(logger), ISandboxCallbackRetryGrain
{
    protected override TimeSpan Interval => options.Value.CallbackRetryInterval;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var delivered = await sender.SendUnacknowledgedAsync(cancellationToken);
        if (delivered > 0) LogDelivered(delivered);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox provider: {Count} callbacks delivered again.")]
    private partial void LogDelivered(int count);
}
