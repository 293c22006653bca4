namespace OrleansBooking.Grains.Rush;

/// <summary>
/// One pool's reservation attempts answered by one silo in one whole second (Unix seconds), by
/// outcome: <paramref name="ByOutcome"/> is indexed by <see cref="RushOutcome"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.PoolAttemptsInSecond")]
public sealed record PoolAttemptsInSecond(string PoolId, long Second, IReadOnlyList<int> ByOutcome);
