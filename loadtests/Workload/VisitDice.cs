namespace OrleansBooking.LoadTests.Workload;

/// <summary>
/// A tiny random source for one visit (SplitMix64), seeded by run seed and arrival index: the
/// same arrival makes the same choices in every run, and no allocation or lock is needed at
/// 20,000 arrivals per second.
/// </summary>
public struct VisitDice
{
    private ulong _state;

    public VisitDice(int seed, long index) => _state = ((ulong)(uint)seed << 32) ^ (ulong)index ^ 0x9E3779B97F4A7C15UL;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => (int)(NextDouble() * maxExclusive);
}
