using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Hosting.ClusterJobs;

namespace OrleansBooking.Silo.Hosting.Catalogue;

/// <summary>The pool generation of the whole cluster (key <see cref="ClusterJob.Key"/>).</summary>
public interface IPoolGenerationGrain : IClusterJobGrain
{
    /// <summary>
    /// Completes once more than <paramref name="runs"/> runs of this activation have finished
    /// (a failed run is logged, never thrown) and answers how many have. Interleaved, so that
    /// waiting never holds up the run it waits for.
    /// </summary>
    [AlwaysInterleave]
    Task<int> WhenRunFinishedAsync(int runs);
}

/// <summary>
/// Runs the pool generator once per cluster (see <see cref="IClusterJobGrain"/>): when it activates
/// (after seeding an empty database when enabled) and then daily at
/// <see cref="CatalogueRules.GenerationTimeOfDay"/>, hospital time, on an Orleans grain timer that
/// follows the grain clock, so tests drive the daily run with a fake one. Start-up does not wait
/// for it: a silo serves pools that exist while the job makes the missing ones. A failed run is
/// logged and the next daily run (or an admin's run-now) tries again; pools already made stay.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed partial class PoolGenerationGrain(
    ICatalogueStore store,
    PoolGenerator generator,
    CatalogueDirectory directory,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<CatalogueRules> rules,
    IOptions<SlotPoolRules> poolRules,
    IOptions<DemoHospitalOptions> demo,
    ILogger<PoolGenerationGrain> logger) : ClusterJobGrain, IPoolGenerationGrain
{
    private IGrainTimer timer = null!;
    private int finishedRuns;
    private TaskCompletionSource runFinished = NewSignal();

    // The first tick is at once; each run then sets the timer to the next daily time.
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        timer = this.RegisterGrainTimer(RunAsync, ClusterJob.Timer(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public async Task<int> WhenRunFinishedAsync(int runs)
    {
        while (finishedRuns <= runs) await runFinished.Task;
        return finishedRuns;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await GenerateAsync(seedFirst: finishedRuns == 0, cancellationToken);
        }
        finally
        {
            finishedRuns++;
            var finished = runFinished;
            runFinished = NewSignal();
            finished.SetResult();
            if (!cancellationToken.IsCancellationRequested) timer.Change(UntilNextRun(), Timeout.InfiniteTimeSpan);
        }
    }

    private async Task GenerateAsync(bool seedFirst, CancellationToken cancellationToken)
    {
        try
        {
            if (seedFirst && demo.Value.SeedDemoHospital && await store.IsEmptyAsync(cancellationToken))
            {
                await DemoHospital.SeedAsync(store, rules.Value, cancellationToken);
                directory.Invalidate();
                LogSeeded(DemoHospital.Departments.Count, DemoHospital.Doctors.Count);
            }
            var report = await generator.RunAsync(cancellationToken);
            LogGenerated(Day(report.From), Day(report.To), report.Planned, report.Created, report.QuotaRaised, report.Unchanged);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The activation is going away (the silo is stopping).
        }
        catch (Exception exception)
        {
            LogFailed(exception);
        }
    }

    /// <summary>From now to the next <see cref="CatalogueRules.GenerationTimeOfDay"/> in the hospital's zone.</summary>
    private TimeSpan UntilNextRun()
    {
        var zone = poolRules.Value.TimeZone;
        var now = clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var next = local.Date + rules.Value.GenerationTimeOfDay;
        if (next <= local.DateTime) next = next.AddDays(1);
        var due = new DateTimeOffset(next, zone.GetUtcOffset(next));
        return due - now;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo hospital: {Departments} departments, {Doctors} doctors.")]
    private partial void LogSeeded(int departments, int doctors);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Pool generation {From}..{To}: {Planned} planned, {Created} created, {Raised} quota raised, {Unchanged} unchanged.")]
    private partial void LogGenerated(string from, string to, int planned, int created, int raised, int unchanged);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pool generation failed; the next run will try again.")]
    private partial void LogFailed(Exception exception);
}
