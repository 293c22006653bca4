namespace OrleansBooking.LoadTests.Drivers;

/// <summary>
/// Unmeasured traffic before the measured part: it opens the connection pool and lets both
/// sides' JIT settle, which otherwise costs the first seconds of a run hundreds of milliseconds
/// of latency that belong to neither engine. For a rush it is also realistic: before 08:00 the
/// waiting crowd keeps refreshing the doctor's page.
/// </summary>
public static class Warmup
{
    /// <summary>Default warm-up length.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(3);

    /// <summary>Default concurrency: enough to open the default connection pool.</summary>
    public const int DefaultConcurrency = 256;

    /// <param name="request">One unmeasured request; its argument is a running counter.</param>
    public static async Task RunAsync(Func<long, CancellationToken, Task> request, int concurrency, TimeSpan duration, TimeProvider clock, CancellationToken ct)
    {
        if (duration <= TimeSpan.Zero) return;
        long start = clock.GetTimestamp();
        long counter = 0;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            while (!ct.IsCancellationRequested && clock.GetElapsedTime(start) < duration)
                await request(Interlocked.Increment(ref counter), ct).ConfigureAwait(false);
        }).ToList();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
