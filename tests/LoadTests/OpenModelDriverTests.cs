using OrleansBooking.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.LoadTests.Arrivals;
using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.Tests.LoadTests;

public class OpenModelDriverTests
{
    /// <summary><paramref name="arrivals"/> evenly spread over one second from the run's start, late after 10 ms.</summary>
    private static ArrivalPacer Pacer(FakeTimeProvider clock, RunMeasurements measurements, int arrivals) =>
        new(new ArrivalSchedule(new ConstantArrivals(arrivals, TimeSpan.FromSeconds(1)), ArrivalSpacing.Uniform),
            clock, measurements.StartTimestamp, lateAfter: TimeSpan.FromMilliseconds(10));

    /// <summary>A service that never answers until the test opens the gate.</summary>
    private sealed class StalledService(Task gate) : IArrivalWork
    {
        public async Task RunAsync(long index, long intendedTimestamp, CancellationToken cancellationToken) => await gate;
    }

    [Fact]
    public async Task ArrivalsBeyondTheInFlightCapAreDroppedAndCountedAndStragglersAreReported()
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var measurements = new RunMeasurements(clock, clock.GetTimestamp());
        var gate = new TaskCompletionSource();
        var driver = new OpenModelDriver(new StalledService(gate.Task), measurements, maxPending: 4);
        var pacer = Pacer(clock, measurements, arrivals: 10);

        var run = driver.RunAsync(pacer, drainTimeout: TimeSpan.FromSeconds(2), CancellationToken.None);
        // Step the fake clock through the schedule and the drain; the driver waits on its timers.
        for (int step = 0; step < 10_000 && !run.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }
        gate.SetResult();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        var arrivals = measurements.Arrivals;
        Assert.Equal(10, arrivals.Scheduled);
        Assert.Equal(4, arrivals.Dispatched);
        Assert.Equal(6, arrivals.Dropped);
        Assert.Null(driver.FirstFault);
    }

    [Fact]
    public async Task EveryArrivalIsHandedOverOnceWithItsOwnIndex()
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var measurements = new RunMeasurements(clock, clock.GetTimestamp());
        var seen = new System.Collections.Concurrent.ConcurrentBag<long>();
        var driver = new OpenModelDriver(new RecordingWork(seen), measurements);
        var pacer = Pacer(clock, measurements, arrivals: 50);

        var run = driver.RunAsync(pacer, TimeSpan.FromSeconds(5), CancellationToken.None);
        await clock.StepUntilDoneAsync(run);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), seen.Order());
        Assert.Equal(0, measurements.Arrivals.Dropped);
        Assert.Equal(0, driver.Cancelled); // all ended within the drain
    }

    [Fact]
    public async Task VisitsStillGoingAtTheDrainDeadlineAreCancelledAndOverBeforeTheRunReturns()
    {
        var clock = new FakeTimeProvider(TestClocks.DefaultStart);
        var measurements = new RunMeasurements(clock, clock.GetTimestamp());
        var work = new WaitsUntilCancelled();
        var driver = new OpenModelDriver(work, measurements);
        var pacer = Pacer(clock, measurements, arrivals: 3);

        var run = driver.RunAsync(pacer, drainTimeout: TimeSpan.FromSeconds(2), CancellationToken.None);
        await clock.StepUntilDoneAsync(run);

        // Nothing may still be running once the run hands over to the read-back.
        Assert.Equal(0, work.Running);
        Assert.Equal(3, work.Cancelled);
        Assert.Equal(0, driver.Pending);
        Assert.Equal(3, driver.Cancelled);
        Assert.Null(driver.FirstFault);
    }

    /// <summary>A service that never answers: each visit waits until its token is cancelled.</summary>
    private sealed class WaitsUntilCancelled : IArrivalWork
    {
        private int _running, _cancelled;
        public int Running => Volatile.Read(ref _running);
        public int Cancelled => Volatile.Read(ref _cancelled);

        public async Task RunAsync(long index, long intendedTimestamp, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _running);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }

    private sealed class RecordingWork(System.Collections.Concurrent.ConcurrentBag<long> seen) : IArrivalWork
    {
        public Task RunAsync(long index, long intendedTimestamp, CancellationToken cancellationToken)
        {
            seen.Add(index);
            return Task.CompletedTask;
        }
    }
}
