using System.Collections.Concurrent;
using OrleansBooking.Grains.Rush;

namespace OrleansBooking.Api.Rush;

/// <summary>
/// Counts this silo's reservation attempts per pool and second, for the rush board: a minute of
/// per-second buckets per pool, in memory, so the board costs no database read and no per-patient
/// connection. Pools silent for a minute are forgotten. <see cref="AttemptsReporter"/> sends the whole
/// seconds to the cluster's tally, off the reservation route.
/// </summary>
public sealed class ReservationAttempts(TimeProvider clock)
{
    public const int WindowSeconds = RushWindow.Seconds;

    /// <summary>This silo process in the cluster's tally; new at each start, so a restarted silo is a new reporter.</summary>
    public string Reporter { get; } = Guid.NewGuid().ToString("N");

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

    /// <summary>
    /// Every pool's counts of each second from <paramref name="fromSecond"/> to <paramref name="toSecond"/>
    /// (Unix seconds, inclusive, within the last minute); forgets pools silent for the minute, as <see cref="Recent"/> does.
    /// </summary>
    public IReadOnlyList<PoolAttemptsInSecond> WholeSeconds(long fromSecond, long toSecond)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var counted = new List<PoolAttemptsInSecond>();
        foreach (var (poolId, attempts) in pools)
        {
            if (!attempts.ReadSeconds(poolId, now, fromSecond, toSecond, counted))
                pools.TryRemove(new KeyValuePair<string, PoolAttempts>(poolId, attempts));
        }
        return counted;
    }

    /// <summary>
    /// How busy the reservation route of this silo is now: the attempts on every pool in the second the
    /// clock is in or in the one before, whichever holds more (the current second is still filling, so
    /// the last whole one answers in its first moments, and the current one as soon as a rush begins).
    /// </summary>
    public int BusiestOfLastTwoSeconds()
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        int current = 0, last = 0;
        foreach (var attempts in pools.Values) attempts.AddLastTwoSeconds(now, ref current, ref last);
        return Math.Max(current, last);
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

        /// <summary>Adds every outcome's attempts in second <paramref name="now"/> and the one before, under one lock.</summary>
        public void AddLastTwoSeconds(long now, ref int current, ref int last)
        {
            lock (this)
            {
                current += InSecond(now);
                last += InSecond(now - 1);
            }
        }

        /// <summary>Under the lock: the attempts in <paramref name="second"/>; 0 when its bucket holds another second.</summary>
        private int InSecond(long second)
        {
            var slot = (int)(second % WindowSeconds);
            if (seconds[slot] != second) return 0;
            var total = 0;
            for (var o = 0; o < OutcomeCount; o++) total += counts[slot, o];
            return total;
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

        /// <summary>Adds the seconds asked for to <paramref name="counted"/>; false when nothing was counted in the minute ending at <paramref name="now"/>.</summary>
        public bool ReadSeconds(string poolId, long now, long fromSecond, long toSecond, List<PoolAttemptsInSecond> counted)
        {
            var anyInWindow = false;
            lock (this)
            {
                for (var slot = 0; slot < WindowSeconds; slot++)
                {
                    var second = seconds[slot];
                    if (!RushWindow.Holds(now, second)) continue;
                    var byOutcome = new int[OutcomeCount];
                    for (var o = 0; o < OutcomeCount; o++) byOutcome[o] = counts[slot, o];
                    if (byOutcome.Sum() == 0) continue;
                    anyInWindow = true;
                    if (second >= fromSecond && second <= toSecond) counted.Add(new PoolAttemptsInSecond(poolId, second, byOutcome));
                }
            }
            return anyInWindow;
        }
    }
}
