using Microsoft.Extensions.Options;
using OrleansBooking.Grains.Catalogue;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Hosting.Catalogue;

/// <summary>
/// Runs the pool generator in the background: once at start-up (after seeding an empty database
/// when enabled) and then daily at <see cref="CatalogueRules.GenerationTimeOfDay"/>, hospital time.
/// The timer comes from <see cref="TimeProvider"/>, so tests drive the daily run with a manual clock.
/// Start-up does not wait for it: a silo serves pools that exist while it makes the missing ones.
/// </summary>
public sealed partial class PoolGenerationService(
    ICatalogueStore store,
    PoolGenerator generator,
    CatalogueDirectory directory,
    TimeProvider clock,
    IOptions<CatalogueRules> rules,
    IOptions<SlotPoolRules> poolRules,
    IOptions<DemoHospitalOptions> demo,
    ILogger<PoolGenerationService> logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly object gate = new();
    private ITimer? daily;
    private Task currentRun = Task.CompletedTask;

    /// <summary>The run under way, or the last one; completes when it ends (a failed run is logged, never thrown).</summary>
    public Task CurrentRun
    {
        get { lock (gate) return currentRun; }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            currentRun = Task.Run(() => RunAsync(seedFirst: true));
            daily = clock.CreateTimer(_ => OnDailyTick(), null, UntilNextRun(), Timeout.InfiniteTimeSpan);
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (gate) daily?.Dispose();
        await stopping.CancelAsync();
        await CurrentRun.WaitAsync(cancellationToken);
    }

    private void OnDailyTick()
    {
        lock (gate)
        {
            if (stopping.IsCancellationRequested) return;
            var previous = currentRun;
            currentRun = Task.Run(async () =>
            {
                await previous;
                await RunAsync(seedFirst: false);
            });
            daily?.Change(UntilNextRun(), Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RunAsync(bool seedFirst)
    {
        try
        {
            if (seedFirst && demo.Value.SeedDemoHospital && await store.IsEmptyAsync(stopping.Token))
            {
                await DemoHospital.SeedAsync(store, rules.Value, stopping.Token);
                directory.Invalidate();
                LogSeeded(DemoHospital.Departments.Count, DemoHospital.Doctors.Count);
            }
            var report = await generator.RunAsync(stopping.Token);
            LogGenerated(Day(report.From), Day(report.To), report.Planned, report.Created, report.QuotaRaised, report.Unchanged);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // The next daily run (or an admin's run-now) tries again; pools already made stay.
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

    // The token source is cancelled, not disposed: a run still unwinding may read its token.
    public async ValueTask DisposeAsync()
    {
        lock (gate) daily?.Dispose();
        if (!stopping.IsCancellationRequested) await stopping.CancelAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo hospital: {Departments} departments, {Doctors} doctors.")]
    private partial void LogSeeded(int departments, int doctors);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Pool generation {From}..{To}: {Planned} planned, {Created} created, {Raised} quota raised, {Unchanged} unchanged.")]
    private partial void LogGenerated(string from, string to, int planned, int created, int raised, int unchanged);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pool generation failed; the next run will try again.")]
    private partial void LogFailed(Exception exception);
}
