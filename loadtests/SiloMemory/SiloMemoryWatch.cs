using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.SiloMemory;

/// <summary>
/// Reads the silo's <c>/metrics</c> once per <see cref="Every"/> in the background from provisioning
/// to the end of the idle wait, keeping every sample. Opt-in (<c>--watch-memory</c>, on with
/// <c>--provincial</c>): a scrape costs the silo a little CPU, which the default rush is measured without.
/// A scrape that fails is skipped, not fatal: the rush matters more than one sample.
/// </summary>
public sealed class SiloMemoryWatch : IAsyncDisposable
{
    public static readonly TimeSpan DefaultEvery = TimeSpan.FromSeconds(1);

    private readonly BookingServiceClient _client;
    private readonly TimeProvider _clock;
    private readonly List<SiloMemorySample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public SiloMemoryWatch(BookingServiceClient client, TimeProvider clock, TimeSpan? every = null)
    {
        _client = client;
        _clock = clock;
        Every = every ?? DefaultEvery;
    }

    public TimeSpan Every { get; }

    /// <summary>Samples so far, oldest first.</summary>
    public IReadOnlyList<SiloMemorySample> Samples
    {
        get { lock (_samples) return [.. _samples]; }
    }

    /// <summary>The most recent sample, or null before the first.</summary>
    public SiloMemorySample? Latest
    {
        get { lock (_samples) return _samples.Count > 0 ? _samples[^1] : null; }
    }

    public void Start() => _loop ??= Task.Run(LoopAsync);

    /// <summary>Takes one sample now (also used at the instants the report names) and keeps it.</summary>
    public async Task<SiloMemorySample?> SampleAsync(CancellationToken ct)
    {
        var text = await _client.ReadMetricsAsync(ct).ConfigureAwait(false);
        var sample = text is null ? null : SiloMemorySample.Parse(text, _clock.GetUtcNow());
        if (sample is not null) lock (_samples) _samples.Add(sample);
        return sample;
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Every, _clock);
        try
        {
            do await SampleAsync(_stop.Token).ConfigureAwait(false);
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested) { /* stopped */ }
    }

    /// <summary>
    /// Waits, up to <paramref name="idleFor"/>, until the silo has deactivated all but
    /// <see cref="MemoryReading.CollectedShare"/> of the pool and patient grains it held at most.
    /// Stopping early (Ctrl+C) ends the wait, not the report.
    /// </summary>
    public async Task WaitForIdleCollectionAsync(DateTimeOffset crowdEnd, TimeSpan idleFor, TextWriter? progress, CancellationToken ct)
    {
        if (idleFor <= TimeSpan.Zero) return;
        var samples = Samples;
        long pools = samples.Count > 0 ? samples.Max(s => s.PoolActivations) : 0;
        long patients = samples.Count > 0 ? samples.Max(s => s.PatientActivations) : 0;
        progress?.WriteLine($"Idle: waiting up to {idleFor.TotalSeconds:0} s for the silo to collect its {pools:N0} pool and {patients:N0} patient grains…");
        var until = _clock.GetUtcNow() + idleFor;
        try
        {
            while (_clock.GetUtcNow() < until)
            {
                await Task.Delay(Every, _clock, ct).ConfigureAwait(false);
                if (Latest is { } latest && latest.At > crowdEnd
                    && latest.PatientActivations <= patients * MemoryReading.CollectedShare
                    && latest.PoolActivations <= pools * MemoryReading.CollectedShare)
                    return;
            }
            progress?.WriteLine($"  not all collected within {idleFor.TotalSeconds:0} s");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { /* stopped early: reported as it stands */ }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
