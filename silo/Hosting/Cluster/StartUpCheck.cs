namespace OrleansBooking.Silo.Hosting.Cluster;

/// <summary>
/// A check that runs in the host's StartingAsync, before any hosted service starts (Orleans
/// included), and stops start-up by throwing. Nothing to do at any other point of the lifecycle.
/// </summary>
internal abstract class StartUpCheck : IHostedLifecycleService
{
    public abstract Task StartingAsync(CancellationToken cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
