using OrleansBooking.LoadTests.Arrivals;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.LoadTests.Drivers;

/// <summary>
/// Open model: arrivals come when the schedule says, however slowly the service answers, as
/// real patients do. Each arrival is handed to the thread pool so the pacing loop only counts
/// time; an arrival costs one async state machine, which measured far below the HTTP request it
/// makes. When <see cref="MaxPending"/> visits are already waiting, new arrivals are dropped and
/// counted instead of queuing without bound.
/// </summary>
public sealed class OpenModelDriver
{
    /// <summary>Default lateness tolerance: an arrival handed over later than this is reported as late.</summary>
    public static readonly TimeSpan DefaultLateAfter = TimeSpan.FromMilliseconds(10);

    /// <summary>Default cap on visits in progress at once.</summary>
    public const int DefaultMaxPending = 50_000;

    private readonly IArrivalWork _work;
    private readonly RunMeasurements _measurements;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending;
    private volatile bool _allDispatched;

    public OpenModelDriver(IArrivalWork work, RunMeasurements measurements, int maxPending = DefaultMaxPending)
    {
        _work = work;
        _measurements = measurements;
        MaxPending = maxPending;
    }

    public int MaxPending { get; }
    public int Pending => Volatile.Read(ref _pending);
    /// <summary>Faults thrown by the work itself (bugs, not service errors); the first one is kept.</summary>
    public Exception? FirstFault { get; private set; }

    /// <summary>Runs the whole schedule, then waits up to <paramref name="drainTimeout"/> for visits still in progress.</summary>
    public async Task RunAsync(ArrivalPacer pacer, TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        var clock = _measurements.Clock;
        if (clock == TimeProvider.System)
        {
            // A thread of its own: a pacing loop queued behind thousands of pool work items would fall
            // behind exactly when the rush peaks, and every arrival after it would be late.
            var pacing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                try
                {
                    PaceOnThisThread(pacer, cancellationToken);
                    pacing.TrySetResult();
                }
                catch (Exception e)
                {
                    pacing.TrySetException(e);
                }
            })
            {
                IsBackground = true,
                Name = "arrival pacer",
                Priority = ThreadPriority.AboveNormal,
            };
            thread.Start();
            await pacing.Task.ConfigureAwait(false);
        }
        else
        {
            await PaceOnTimersAsync(pacer, clock, cancellationToken).ConfigureAwait(false);
        }

        _allDispatched = true;
        if (Volatile.Read(ref _pending) == 0) _drained.TrySetResult();
        try
        {
            await _drained.Task.WaitAsync(drainTimeout, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // Visits still waiting on the service are left to their own timeouts; the report says how many.
        }
    }

    private void PaceOnThisThread(ArrivalPacer pacer, CancellationToken cancellationToken)
    {
        var due = new List<DueArrival>(1024);
        while (!cancellationToken.IsCancellationRequested)
        {
            Dispatch(pacer, due, cancellationToken);
            if (pacer.UntilNext() is not { } wait) return;
            // Sleep granularity is about a millisecond; a shorter wait would spin a core we share with the service.
            Thread.Sleep(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait);
        }
    }

    /// <summary>The same loop on the clock's timers, so a fake clock can drive it.</summary>
    private async Task PaceOnTimersAsync(ArrivalPacer pacer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var due = new List<DueArrival>(1024);
        while (!cancellationToken.IsCancellationRequested)
        {
            Dispatch(pacer, due, cancellationToken);
            if (pacer.UntilNext() is not { } wait) return;
            try
            {
                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, clock, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Dispatch(ArrivalPacer pacer, List<DueArrival> due, CancellationToken cancellationToken)
    {
        due.Clear();
        pacer.TakeDue(due);
        foreach (var arrival in due)
        {
            _measurements.Arrivals.OnScheduled();
            if (Volatile.Read(ref _pending) >= MaxPending)
            {
                _measurements.Arrivals.OnDropped();
                continue;
            }
            _measurements.Arrivals.OnDispatched(arrival.Lag, arrival.Late);
            Interlocked.Increment(ref _pending);
            // The request's own setup runs on a pool thread, never on the pacing loop.
            ThreadPool.UnsafeQueueUserWorkItem(
                static state => _ = state.Driver.RunArrivalAsync(state.Arrival, state.Token),
                (Driver: this, Arrival: arrival, Token: cancellationToken),
                preferLocal: false);
        }
    }

    private async Task RunArrivalAsync(DueArrival arrival, CancellationToken cancellationToken)
    {
        try
        {
            await _work.RunAsync(arrival.Index, arrival.IntendedTimestamp, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            FirstFault ??= e;
        }
        finally
        {
            if (Interlocked.Decrement(ref _pending) == 0 && _allDispatched) _drained.TrySetResult();
        }
    }
}
