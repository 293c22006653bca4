using System.Globalization;
using OrleansBooking.LoadTests.Arrivals;

namespace OrleansBooking.LoadTests.Scenarios;

/// <summary>
/// <c>rush --provincial</c>: a provincial platform's release, sized to the scale target
/// (10,000 active pools plus 200,000 active patients in less than 1 GB of silo memory). 10,000 pools
/// of 10 numbers released at one instant; 1,000,000 patients on file, of whom 200,000 sign in and
/// come to book; the silo's memory is watched throughout and once more after its idle grains are collected.
/// </summary>
public static class ProvincialPlatform
{
    public const int Pools = 10_000;
    public const int NumbersPerPool = 10;
    public const int Patients = 200_000;
    public const int RegisteredPatients = 1_000_000;

    /// <summary>
    /// The crowd: 12,000 patients/s at the release decaying with τ = 10 s to 1,500/s, ≈194,700
    /// arrivals in 60 s, so most of the 200,000 signed-in patients arrive at least once.
    /// </summary>
    public static ArrivalProfile Arrivals { get; } =
        new ReleaseSpikeArrivals(Peak: 12_000, Floor: 1_500, Decay: TimeSpan.FromSeconds(10), Duration: TimeSpan.FromSeconds(60));

    /// <summary>
    /// The release is set before the pools are created (each carries it), and 10,000 pools take a
    /// while to create, so the lead is minutes rather than the default rush's 5 s.
    /// </summary>
    public static readonly TimeSpan ReleaseIn = TimeSpan.FromMinutes(3);

    /// <summary>How long to wait after the read-back for idle collection (idle age + a few collection rounds).</summary>
    public static readonly TimeSpan IdleFor = TimeSpan.FromMinutes(3);

    /// <summary>A started silo's grain collection age for this scenario; the shipped 15 min would keep the run waiting.</summary>
    public static readonly TimeSpan IdleAge = TimeSpan.FromMinutes(1);

    /// <summary>A started silo's collection interval for this scenario (shipped: 1 min).</summary>
    public static readonly TimeSpan CollectionInterval = TimeSpan.FromSeconds(10);

    public static RushScenario Scenario { get; } = RushScenario.Default with
    {
        Load = new LoadModel { Arrivals = Arrivals },
        Pools = Pools,
        Numbers = Pools * NumbersPerPool,
        Patients = Patients,
        RegisteredPatients = RegisteredPatients,
        ReleaseIn = ReleaseIn,
        PoolsCreatedAtOnce = PoolsCreatedAtOnce,
    };

    /// <summary>Pools created at once: more than the default rush's 8, since 10,000 one at a time over HTTP take minutes.</summary>
    public const int PoolsCreatedAtOnce = 32;

    /// <summary>
    /// Load-test only: shortens Orleans' grain collection (<c>Grains:IdleAge</c>,
    /// <c>Grains:CollectionInterval</c>) so "after idle collection" is reached within the run.
    /// Production keeps the shipped values.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SiloSettings { get; } = new Dictionary<string, string>
    {
        ["Grains:IdleAge"] = IdleAge.ToString("c", CultureInfo.InvariantCulture),
        ["Grains:CollectionInterval"] = CollectionInterval.ToString("c", CultureInfo.InvariantCulture),
    };
}
