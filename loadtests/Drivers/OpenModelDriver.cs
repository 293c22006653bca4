using OrleansBooking.LoadTests.Arrivals;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.LoadTests.Drivers;

/// <summary>
/// Open model: arrivals come when the schedule says, however slowly the service answers, as
/// real patients do. Each arrival is handed to the thread pool so the pacing loop only counts
/// time; an arrival costs one async state machine, which measured far below the HTTP request it
/// makes. When <see cref="MaxPending"/> visits are already waiting, new arrivals are dropped and
/// counted instead of queuing without bound. At the drain deadline the visits still going are
/// cancelled and waited for, so that nothing writes to the ledger once the run reads it back.
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
    private int _cancelled;
    private volatile bool _allDispatched;

    public OpenModelDriver(IArrivalWork work, RunMeasurements measurements, int maxPending = DefaultMaxPending)
    {
        _work = work;
        _measurements = measurements;
        MaxPending = maxPending;
    }

    public int MaxPending { get; }
    public int Pending => Volatile.Read(ref _pending);
    /// <summary>Visits cut short by cancellation: still going at the drain deadline, or when the run was stopped.</summary>
    public int Cancelled => Volatile.Read(ref _cancelled);
    /// <summary>Faults thrown by the work itself (bugs, not service errors); the first one is kept.</summary>
    public Exception? FirstFault { get; private set; }

    /// <summary>
    /// Runs the whole schedule, then waits up to <paramref name="drainTimeout"/> for visits still in
    /// progress; those still going then are cancelled, and it returns only once none is in flight.
    /// </summary>
    public async Task RunAsync(ArrivalPacer pacer, TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        var clock = _measurements.Clock;
        // The visits' own token: cancelled at the drain deadline, and with the run when it is stopped.
        using var visits = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await PaceAsync(pacer, clock, visits.Token).ConfigureAwait(false);
            AllDispatched();
            await _drained.Task.WaitAsync(drainTimeout, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // Drain deadline passed, or the run was stopped: the visits still going are cancelled below.
        }
        finally
        {
            AllDispatched();
            // A visit left running would go on writing to the ledger while the pools are read back and
            // verified; a cancelled one whose request may have reached the service is counted as cut off.
            if (Volatile.Read(ref _pending) > 0) await visits.CancelAsync().ConfigureAwait(false);
            await _drained.Task.ConfigureAwait(false);
        }
    }

    private void AllDispatched()
    {
        _allDispatched = true;
        // Full fence: the last visit's decrement and this read must not both miss the other's write,
        // or the wait below, which has no deadline, would never end.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _pending) == 0) _drained.TrySetResult();
    }

    private async Task PaceAsync(ArrivalPacer pacer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (clock != TimeProvider.System)
        {
            await PaceOnTimersAsync(pacer, clock, cancellationToken).ConfigureAwait(false);
            return;
        }
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
            Interlocked.Increment(ref _cancelled);
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
