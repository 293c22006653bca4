namespace OrleansBooking.LoadTests.Workload;

/// <summary>A pool the run created, as the virtual patients and the verifier know it.</summary>
public sealed record ProvisionedPool(string PoolId, string DoctorId, string Date, int Quota);

/// <summary>
/// The pools on offer, ranked by popularity: pool 0 is the famous doctor. A patient picks by a
/// Zipf law (rank r drawn with weight 1/r^s), which matches how crowds pile onto a few names.
/// </summary>
public sealed class PoolCatalogue
{
    private readonly double[] _cumulative;

    public PoolCatalogue(IReadOnlyList<ProvisionedPool> pools, double popularityExponent)
    {
        if (pools.Count == 0) throw new ArgumentException("At least one pool is needed.", nameof(pools));
        Pools = pools;
        _cumulative = new double[pools.Count];
        double sum = 0;
        for (int rank = 0; rank < pools.Count; rank++)
        {
            sum += 1.0 / Math.Pow(rank + 1, popularityExponent);
            _cumulative[rank] = sum;
        }
        for (int rank = 0; rank < pools.Count; rank++) _cumulative[rank] /= sum;
    }

    public IReadOnlyList<ProvisionedPool> Pools { get; }

    /// <summary>The share of patients whose first choice is the pool at <paramref name="rank"/>.</summary>
    public double ShareOf(int rank) => _cumulative[rank] - (rank == 0 ? 0 : _cumulative[rank - 1]);

    public int PickRank(ref VisitDice dice)
    {
        int rank = Array.BinarySearch(_cumulative, dice.NextDouble());
        rank = rank < 0 ? ~rank : rank;
        return Math.Min(rank, _cumulative.Length - 1);
    }

    /// <summary>A popular pool not yet in <paramref name="tried"/>; -1 when every pool was tried.</summary>
    public int PickRankOtherThan(ReadOnlySpan<int> tried, ref VisitDice dice)
    {
        if (tried.Length >= Pools.Count) return -1;
        // A few popularity draws nearly always find a fresh pool; fall back to the next untried rank.
        for (int attempt = 0; attempt < 8; attempt++)
        {
            int rank = PickRank(ref dice);
            if (!tried.Contains(rank)) return rank;
        }
        for (int rank = 0; rank < Pools.Count; rank++)
            if (!tried.Contains(rank)) return rank;
        return -1;
    }
}
