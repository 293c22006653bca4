using OrleansBooking.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.LoadTests.Arrivals;
using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;

namespace OrleansBooking.Tests.LoadTests;

public class OpenModelDriverTests
{
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
        var pacer = new ArrivalPacer(new ArrivalSchedule(new ConstantArrivals(10, TimeSpan.FromSeconds(1)), ArrivalSpacing.Uniform),
            clock, measurements.StartTimestamp, lateAfter: TimeSpan.FromMilliseconds(10));

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
        var pacer = new ArrivalPacer(new ArrivalSchedule(new ConstantArrivals(50, TimeSpan.FromSeconds(1)), ArrivalSpacing.Uniform),
            clock, measurements.StartTimestamp, TimeSpan.FromMilliseconds(10));

        var run = driver.RunAsync(pacer, TimeSpan.FromSeconds(5), CancellationToken.None);
        for (int step = 0; step < 10_000 && !run.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), seen.Order());
        Assert.Equal(0, measurements.Arrivals.Dropped);
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
