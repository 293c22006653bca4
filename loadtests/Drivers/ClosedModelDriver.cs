using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.LoadTests.Drivers;

/// <summary>
/// Closed model: a fixed number of patients, each starting its next visit only when the last one
/// ended. It measures how much the service can do, but it cannot show queueing the way an open
/// model does: when the service slows down, so do the patients. Kept for comparison.
/// </summary>
public sealed class ClosedModelDriver
{
    private readonly IArrivalWork _work;
    private readonly RunMeasurements _measurements;
    private long _nextIndex = -1;
    private int _inFlight;
    private int _cancelled;

    public ClosedModelDriver(IArrivalWork work, RunMeasurements measurements)
    {
        _work = work;
        _measurements = measurements;
    }

    public Exception? FirstFault { get; private set; }

    /// <summary>Visits in progress right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Visits cut short because the run was stopped.</summary>
    public int Cancelled => Volatile.Read(ref _cancelled);

    public async Task RunAsync(int patients, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patients, 1);
        var clock = _measurements.Clock;
        long start = clock.GetTimestamp();
        var loops = Enumerable.Range(0, patients).Select(async _ =>
        {
            await Task.Yield();
            while (!cancellationToken.IsCancellationRequested && clock.GetElapsedTime(start) < duration)
            {
                long index = Interlocked.Increment(ref _nextIndex);
                long intended = clock.GetTimestamp();
                _measurements.Arrivals.OnScheduled();
                _measurements.Arrivals.OnDispatched(TimeSpan.Zero, late: false);
                Interlocked.Increment(ref _inFlight);
                try
                {
                    var visit = _work.RunAsync(index, intended, cancellationToken);
                    // Work that finished without waiting would otherwise loop here and starve everything else.
                    if (visit.IsCompleted) await Task.Yield();
                    await visit.ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _cancelled);
                }
                catch (Exception e)
                {
                    FirstFault ??= e;
                    return;
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            }
        }).ToList();
        await Task.WhenAll(loops).ConfigureAwait(false);
    }
}
