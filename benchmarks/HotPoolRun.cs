using System.Diagnostics;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Benchmarks;

/// <summary>
/// One measurement: a released pool with quota N, N distinct patients reserving with a fixed
/// number of callers in flight (closed loop), timed from the first call to the last reply.
/// </summary>
public static class HotPoolRun
{
    public static async Task<RunResult> MeasureAsync(ISlotPoolGrainFactory pools, int reservations, int concurrency)
    {
        var poolId = $"bench-{Guid.NewGuid():N}"[..24];
        var pool = pools.GetSlotPool(poolId);
        var definition = new PoolDefinition(poolId, "dr-bench", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)), ClinicSession.Morning,
            new TimeOnly(8, 0), 1, reservations, 50m, DateTimeOffset.UtcNow.AddMinutes(-1));
        if (await pool.CreateAsync(definition) is not CreatePoolOutcome.Created)
            throw new InvalidOperationException($"Pool {poolId} could not be created.");

        var latencies = new double[reservations];
        var next = -1;
        var reserved = 0;
        var faults = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < reservations)
            {
                var started = Stopwatch.GetTimestamp();
                var outcome = await ReserveLikeAnAppAsync(pool, new ReserveRequest($"patient-{i}", $"key-{i}"), () => Interlocked.Increment(ref faults));
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (outcome is ReserveOutcome.Reserved) Interlocked.Increment(ref reserved);
            }
        })));
        clock.Stop();

        var snapshot = await pool.GetSnapshotAsync();
        if (reserved != reservations || snapshot?.Booked != reservations)
            throw new InvalidOperationException($"Expected {reservations} reservations, got {reserved} replies and {snapshot?.Booked} booked.");
        Array.Sort(latencies);
        var shortcut = await SoldOutAnswersPerSecondAsync(reservations, concurrency, r => pool.AnswerIfSoldOutAsync(r));
        var decided = await SoldOutAnswersPerSecondAsync(reservations, concurrency, r => pool.ReserveAsync(r)!);
        return new RunResult(reservations / clock.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), faults,
            shortcut, decided);
    }

    /// <summary>
    /// The crowd after sell-out: as many newcomers as there were numbers ask the sold-out pool,
    /// through <paramref name="ask"/>, with the same callers in flight. Answers per second.
    /// </summary>
    private static async Task<double> SoldOutAnswersPerSecondAsync(int calls, int concurrency, Func<ReserveRequest, Task<ReserveOutcome?>> ask)
    {
        var next = -1;
        var soldOut = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
                if (await ask(new ReserveRequest($"late-{i}", $"late-key-{i}")) is ReserveOutcome.SoldOut) Interlocked.Increment(ref soldOut);
        })));
        clock.Stop();
        // The conventional engine has no shortcut (it answers null): then nothing was answered.
        return soldOut / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// A fault (overload, timeout, a database connection not had in time) is retried with the same
    /// idempotency key, as a patient's app would; the retries count towards the latency.
    /// </summary>
    private static async Task<ReserveOutcome> ReserveLikeAnAppAsync(ISlotPoolGrain pool, ReserveRequest request, Action onFault)
    {
        const int attempts = 20;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await pool.ReserveAsync(request);
            }
            catch (Exception) when (attempt < attempts)
            {
                onFault();
            }
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <param name="SoldOutShortcutPerSecond">Sold-out answers/s from <c>AnswerIfSoldOutAsync</c> (0 where the engine has no shortcut).</param>
/// <param name="SoldOutReservePerSecond">Sold-out answers/s from <c>ReserveAsync</c> on the same sold-out pool.</param>
public sealed record RunResult(
    double ReservationsPerSecond, double P50Ms, double P99Ms, int Faults, double SoldOutShortcutPerSecond, double SoldOutReservePerSecond);
