namespace OrleansBooking.Grains.Rush;

/// <summary>
/// What one silo counted in the whole seconds <paramref name="FromSecond"/>..<paramref name="ToSecond"/>
/// (inclusive): every pool with attempts in each of them. It stands for those seconds entirely, so a
/// second sent again replaces what was sent before, and a second sent with no pool clears it.
/// </summary>
/// <param name="Reporter">The silo process, new at each start: a restarted silo never replaces its earlier life's seconds.</param>
[GenerateSerializer, Immutable, Alias("OrleansBooking.SiloAttemptsReport")]
public sealed record SiloAttemptsReport(string Reporter, long FromSecond, long ToSecond, IReadOnlyList<PoolAttemptsInSecond> Pools);
