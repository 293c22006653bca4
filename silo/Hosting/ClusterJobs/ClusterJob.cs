namespace OrleansBooking.Silo.Hosting.ClusterJobs;

/// <summary>
/// A timed job that runs once per cluster, not once per silo: one grain of a well-known key owns
/// it and drives it with an Orleans grain timer on the grain clock. Orleans keeps a single
/// activation of that grain in the cluster, so however many silos start, one runs the job.
/// </summary>
/// <remarks>
/// Timers live as long as the activation. The job grains are never collected when idle, but if
/// their silo is lost the job stops until something calls the grain again (the next silo to start
/// pokes it). Durable reminders would re-activate the job after a silo loss; they are the next
/// step once the cluster runs several silos: localhost clustering has only in-memory reminders,
/// which a lost silo takes with it.
/// </remarks>
public interface IClusterJobGrain : IGrainWithStringKey
{
    /// <summary>Activates the job (its timer starts with the activation); returns at once.</summary>
    Task StartAsync();
}

public static class ClusterJob
{
    /// <summary>The one key of every job grain.</summary>
    public const string Key = "cluster";

    /// <summary>Options of a job timer: ticks keep the activation, and never run beside a grain call or each other.</summary>
    public static GrainTimerCreationOptions Timer(TimeSpan dueTime, TimeSpan period) =>
        new(dueTime, period) { KeepAlive = true, Interleave = false };

    /// <summary>Pokes the job's grain when the silo starts, so that it activates somewhere in the cluster.</summary>
    public static IServiceCollection AddClusterJob<TJob>(this IServiceCollection services) where TJob : IClusterJobGrain =>
        services.AddHostedService<Starter<TJob>>();

    // Registered after the Orleans silo (and the storage migration), so the silo is up and the
    // database ready when the job first runs.
    private sealed class Starter<TJob>(IGrainFactory grains) : IHostedService where TJob : IClusterJobGrain
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            grains.GetGrain<TJob>(Key).StartAsync().WaitAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
