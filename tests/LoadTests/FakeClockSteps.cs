using Microsoft.Extensions.Time.Testing;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>
/// Drives load-suite code that waits on a fake clock: a millisecond at a time, yielding between steps
/// so the continuations its timers release can run, until the work is done (or 10 s of fake time).
/// </summary>
public static class FakeClockSteps
{
    public static async Task StepUntilDoneAsync(this FakeTimeProvider clock, Task work)
    {
        for (int step = 0; step < 10_000 && !work.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }
        await work.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public static async Task<T> StepUntilDoneAsync<T>(this FakeTimeProvider clock, Task<T> work)
    {
        await clock.StepUntilDoneAsync((Task)work);
        return await work;
    }
}
