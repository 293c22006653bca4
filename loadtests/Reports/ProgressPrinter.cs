using System.Globalization;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.LoadTests.Reports;

/// <summary>One line per second while a run goes, so a person watching sees the rush, not a frozen prompt.</summary>
public sealed class ProgressPrinter : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ProgressPrinter(RunMeasurements measurements, Func<int> pending, TextWriter output)
    {
        _loop = LoopAsync(measurements, pending, output, _stop.Token);
    }

    /// <summary>Starts printing to <paramref name="output"/>; with null output, prints nothing.</summary>
    public static IAsyncDisposable Start(RunMeasurements measurements, Func<int> pending, TextWriter? output) =>
        output is null ? NoProgress.Instance : new ProgressPrinter(measurements, pending, output);

    private static async Task LoopAsync(RunMeasurements m, Func<int> pending, TextWriter output, CancellationToken ct)
    {
        long previous = 0;
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), m.Clock, ct).ConfigureAwait(false);
                long total = m.TotalRequests;
                var last = m.Seconds.Latest();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  t={m.Clock.GetElapsedTime(m.StartTimestamp).TotalSeconds,5:0}s  responses/s {total - previous,8:N0}  total {total,10:N0}  " +
                    $"p99 {(last?.P99Micros ?? 0) / 1000.0,8:0.0} ms  errors {m.ErrorRequests,7:N0}  in flight {pending(),6:N0}  " +
                    $"late {m.Arrivals.Late,7:N0}  dropped {m.Arrivals.Dropped,6:N0}"));
                previous = total;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private sealed class NoProgress : IAsyncDisposable
    {
        public static readonly NoProgress Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
