namespace OrleansBooking.Grains.Rush;

/// <summary>One pool's attempts: in the last whole second, and per <see cref="RushOutcome"/> over the last minute.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.PoolAttemptsSnapshot")]
public sealed record PoolAttemptsSnapshot(string PoolId, int LastSecond, IReadOnlyList<int> LastMinuteByOutcome)
{
    public int Count(RushOutcome outcome) => LastMinuteByOutcome[(int)outcome];
}
