namespace OrleansBooking.Grains.Rush;

/// <summary>Adds up pools' attempts, from many silos or many seconds, into one snapshot per pool.</summary>
public sealed class AttemptsSum
{
    private static readonly int OutcomeCount = Enum.GetValues<RushOutcome>().Length;

    private readonly Dictionary<string, Pool> pools = new(StringComparer.Ordinal);

    /// <param name="lastSecond">How many of <paramref name="byOutcome"/> fell in the last whole second.</param>
    public void Add(string poolId, IReadOnlyList<int> byOutcome, int lastSecond)
    {
        if (!pools.TryGetValue(poolId, out var pool)) pools[poolId] = pool = new Pool();
        // A sender of another build may know fewer or more outcomes; only the ones both know add up.
        for (var o = 0; o < Math.Min(OutcomeCount, byOutcome.Count); o++) pool.ByOutcome[o] += byOutcome[o];
        pool.LastSecond += lastSecond;
    }

    public void Add(PoolAttemptsSnapshot snapshot) => Add(snapshot.PoolId, snapshot.LastMinuteByOutcome, snapshot.LastSecond);

    /// <summary>Every pool with at least one attempt.</summary>
    public IReadOnlyList<PoolAttemptsSnapshot> ToSnapshots() =>
        pools.Where(p => p.Value.ByOutcome.Any(n => n > 0))
            .Select(p => new PoolAttemptsSnapshot(p.Key, p.Value.LastSecond, p.Value.ByOutcome.ToArray()))
            .ToList();

    private sealed class Pool
    {
        public readonly int[] ByOutcome = new int[OutcomeCount];
        public int LastSecond;
    }
}
