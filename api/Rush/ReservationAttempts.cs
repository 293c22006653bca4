using System.Collections.Concurrent;

namespace OrleansBooking.Api.Rush;

/// <summary>
/// Counts this silo's reservation attempts per pool and second, for the rush board: a minute of
/// per-second buckets per pool, in memory, so the board costs no database read and no per-patient
/// connection. Pools silent for a minute are forgotten.
/// </summary>
public sealed class ReservationAttempts(TimeProvider clock)
{
    public const int WindowSeconds = 60;

    /// <summary>Pools counted at once; past it new pools are not counted (a spray of made-up pool ids must not grow memory).</summary>
    public const int MaxPools = 10_000;

    private readonly ConcurrentDictionary<string, PoolAttempts> pools = new(StringComparer.Ordinal);

    public void Record(string poolId, RushOutcome outcome)
    {
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        if (!pools.TryGetValue(poolId, out var attempts))
        {
            if (pools.Count >= MaxPools) return;
            attempts = pools.GetOrAdd(poolId, _ => new PoolAttempts());
        }
        attempts.Add(second, outcome);
    }

    /// <summary>Every pool with an attempt in the last minute, with its counts; forgets the others.</summary>
    public IReadOnlyList<PoolAttemptsSnapshot> Recent()
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var recent = new List<PoolAttemptsSnapshot>();
        foreach (var (poolId, attempts) in pools)
        {
            if (attempts.Read(poolId, now) is { } snapshot) recent.Add(snapshot);
            else pools.TryRemove(new KeyValuePair<string, PoolAttempts>(poolId, attempts));
        }
        return recent;
    }

    /// <summary>One pool's ring of per-second buckets; a lock, because a bucket's second and counts change together.</summary>
    private sealed class PoolAttempts
    {
        private static readonly int OutcomeCount = Enum.GetValues<RushOutcome>().Length;
        private readonly long[] seconds = new long[WindowSeconds];
        private readonly int[,] counts = new int[WindowSeconds, OutcomeCount];

        public void Add(long second, RushOutcome outcome)
        {
            var slot = (int)(second % WindowSeconds);
            lock (this)
            {
                if (seconds[slot] != second)
                {
                    seconds[slot] = second;
                    for (var o = 0; o < OutcomeCount; o++) counts[slot, o] = 0;
                }
                counts[slot, (int)outcome]++;
            }
        }

        /// <summary>Null when nothing was counted in the window ending at <paramref name="now"/>.</summary>
        public PoolAttemptsSnapshot? Read(string poolId, long now)
        {
            var lastMinute = new int[OutcomeCount];
            var lastSecond = 0;
            lock (this)
            {
                for (var slot = 0; slot < WindowSeconds; slot++)
                {
                    var age = now - seconds[slot];
                    if (age < 0 || age >= WindowSeconds) continue;
                    for (var o = 0; o < OutcomeCount; o++)
                    {
                        lastMinute[o] += counts[slot, o];
                        // The last whole second: the one the clock is in is still filling.
                        if (age == 1) lastSecond += counts[slot, o];
                    }
                }
            }
            return lastMinute.Sum() == 0 ? null : new PoolAttemptsSnapshot(poolId, lastSecond, lastMinute);
        }
    }
}

/// <summary>One pool's attempts: in the last whole second, and per <see cref="RushOutcome"/> over the last minute.</summary>
public sealed record PoolAttemptsSnapshot(string PoolId, int LastSecond, IReadOnlyList<int> LastMinuteByOutcome)
{
    public int Count(RushOutcome outcome) => LastMinuteByOutcome[(int)outcome];
}
