namespace OrleansBooking.Silo.Hosting.ClusterJobs;

/// <summary>
/// A timed job that runs once per cluster, not once per silo: one grain of a well-known key owns
/// it and drives it with an Orleans grain timer on the grain clock. Orleans keeps a single
/// activation of that grain in the cluster, so however many silos start, one runs the job.
/// </summary>
/// <remarks>
/// Timers live as long as the activation, and a lost silo takes its activations with it. So each
/// job grain also holds a durable Orleans reminder (<see cref="ClusterJobGrain"/>): its ticks do
/// nothing but, when the job's silo is gone, the reminder service of a survivor fires it and so
/// activates the job there, whose timer then resumes (within a reminder period of the loss being
/// detected). The timer, not the reminder, keeps the schedule: it follows the grain clock, which
/// tests replace, and it is not bound to reminders' one-minute minimum.
/// </remarks>
public interface IClusterJobGrain : IGrainWithStringKey
{
    /// <summary>Activates the job (its timer starts with the activation) and registers its keep-alive reminder.</summary>
    Task StartAsync();
}

/// <summary>The keep-alive half of every job grain (see <see cref="IClusterJobGrain"/>).</summary>
public abstract class ClusterJobGrain : Grain, IClusterJobGrain, IRemindable
{
    public const string KeepAliveReminder = "keep-alive";

    /// <summary>Orleans' shortest reminder period: how long, at most, a job stays stopped after its silo is declared dead.</summary>
    public static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromMinutes(1);

    public async Task StartAsync() => await this.RegisterOrUpdateReminder(KeepAliveReminder, KeepAlivePeriod, KeepAlivePeriod);

    // Being called was the point: the call activated the job if it was not running anywhere.
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
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
