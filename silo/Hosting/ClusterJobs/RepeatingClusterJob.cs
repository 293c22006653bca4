namespace OrleansBooking.Silo.Hosting.ClusterJobs;

/// <summary>
/// A cluster job (see <see cref="IClusterJobGrain"/>) that runs one pass every <see cref="Interval"/>
/// on an Orleans grain timer, which follows the grain clock (tests drive it with a fake one). A
/// failed pass (database down) is logged and the next tick tries again, so each pass must only do
/// what is due and be safe to repeat.
/// </summary>
public abstract partial class RepeatingClusterJob(ILogger logger) : ClusterJobGrain
{
    /// <summary>Time between passes; the first pass is one interval after activation.</summary>
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(TickAsync, ClusterJob.Timer(Interval, Interval));
        return Task.CompletedTask;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunPassAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The activation is going away (the silo is stopping).
        }
        catch (Exception exception)
        {
            LogPassFailed(GetType().Name, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} pass failed; the next tick retries.")]
    private partial void LogPassFailed(string job, Exception exception);
}
