using OrleansBooking.LoadTests.Arrivals;

namespace OrleansBooking.LoadTests.Scenarios;

/// <summary>
/// One release rush: the pools to create, the crowd that arrives, how each patient behaves.
/// <see cref="Default"/> is modelled on Peking University School of Stomatology's 2022 release:
/// 1,009 numbers at once, about 200,000 attempts in the first minute, a peak above 20,000 requests/s.
/// </summary>
public sealed record RushScenario
{
    /// <summary>Default number of pools (doctor sessions) sharing the released numbers.</summary>
    public const int DefaultPools = 36;
    /// <summary>Default numbers released at once, across all pools.</summary>
    public const int DefaultNumbers = 1_009;
    /// <summary>Default distinct patients in the crowd; fewer than arrivals, so some try twice.</summary>
    public const int DefaultPatients = 150_000;
    /// <summary>The most numbers one pool may hold (the API's limit).</summary>
    public const int MaxPoolQuota = 10_000;

    /// <summary>Default Zipf exponent of doctor popularity: the top doctor draws about a fifth of the crowd.</summary>
    public const double DefaultPopularity = 1.1;

    /// <summary>
    /// The default crowd: 8,100 patients/s at the release decaying with τ = 6.667 s to a floor of
    /// 370/s, ≈73,700 patients in 60 s. Nine in ten book, and once the numbers are gone (within the
    /// first second) each tries <see cref="PatientBehaviour.MaxChoices"/> = 3 doctors: ≈199,000
    /// reservation attempts, peaking near 22,700 requests/s.
    /// </summary>
    public static ArrivalProfile DefaultArrivals { get; } =
        new ReleaseSpikeArrivals(Peak: 8_100, Floor: 370, Decay: TimeSpan.FromSeconds(6.667), Duration: TimeSpan.FromSeconds(60));

    public static RushScenario Default { get; } = new() { Load = new LoadModel { Arrivals = DefaultArrivals } };

    /// <summary>
    /// A rush small enough for an end-to-end test against an in-process or local service: 4 pools
    /// sharing 20 numbers, 200 patients in half a second, one in five cancelling 100 ms after booking,
    /// no warm-up, released 300 ms after provisioning (early patients wait for it and press again).
    /// </summary>
    public static RushScenario Smoke { get; } = Default with
    {
        Load = new LoadModel
        {
            Arrivals = new ConstantArrivals(400, TimeSpan.FromMilliseconds(500)),
            Warmup = TimeSpan.Zero,
            Drain = TimeSpan.FromSeconds(20),
        },
        Pools = 4,
        Numbers = 20,
        Patients = 150,
        ReleaseIn = TimeSpan.FromMilliseconds(300),
        Behaviour = new PatientBehaviour
        {
            CancelRatio = 0.2,
            CancelAfter = TimeSpan.FromMilliseconds(100),
            BackoffBase = TimeSpan.FromMilliseconds(10),
        },
    };

    public required LoadModel Load { get; init; }
    public int Pools { get; init; } = DefaultPools;
    /// <summary>Total quota across all pools.</summary>
    public int Numbers { get; init; } = DefaultNumbers;
    /// <summary>Patients in the crowd: each is registered, signs in before the release, and may book.</summary>
    public int Patients { get; init; } = DefaultPatients;
    /// <summary>
    /// Patients registered with the hospital, of whom the first <see cref="Patients"/> sign in and
    /// come to the rush; the rest are on file only (a province registers far more than sign in on
    /// one morning). Default: null, the crowd alone.
    /// </summary>
    public int? RegisteredPatients { get; init; }

    /// <summary>Patients registered before the run: <see cref="RegisteredPatients"/>, at least the crowd.</summary>
    public int PatientsOnFile => Math.Max(RegisteredPatients ?? Patients, Patients);
    public double Popularity { get; init; } = DefaultPopularity;
    public PatientBehaviour Behaviour { get; init; } = new();
    /// <summary>Pools created at once before the release. Default 8; each creation is a database write of its own.</summary>
    public int PoolsCreatedAtOnce { get; init; } = DefaultPoolsCreatedAtOnce;

    public const int DefaultPoolsCreatedAtOnce = 8;

    /// <summary>How far ahead of now the release is set, leaving time to provision and settle. Default 5 s.</summary>
    public TimeSpan ReleaseIn { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Minutes between two numbers of a session, for the estimated visit time. Default 5.</summary>
    public int MinutesPerNumber { get; init; } = 5;
    /// <summary>
    /// Checked by the verifier when set: active reservations one patient may hold per visit day.
    /// Default 2, the silo's default <c>Booking:Limits:PerDay</c>.
    /// </summary>
    public int? PatientDailyLimit { get; init; } = DefaultPatientDailyLimit;

    /// <summary>Default per-day limit verified; Beijing's unified booking platform allows two.</summary>
    public const int DefaultPatientDailyLimit = 2;

    /// <summary>
    /// Reservation attempts once every pool is sold out, when each booking patient tries all its
    /// choices: the figure to compare with "200,000 attempts in the first minute". Retries come on top.
    /// </summary>
    public double AttemptsWhenSoldOut => Load.Arrivals.ExpectedArrivals * (1 - Behaviour.BrowseRatio) * Behaviour.MaxChoices;

    /// <summary>Requests per second at the profile's peak once sold out: attempts plus browsing.</summary>
    public double PeakRequestRateWhenSoldOut =>
        Load.Arrivals.PeakRate * ((1 - Behaviour.BrowseRatio) * Behaviour.MaxChoices + Behaviour.BrowseRatio);

    /// <summary>
    /// The same rush for a smaller (or larger) hospital: arrival rates, numbers and patients are
    /// multiplied by <paramref name="factor"/> (each kept at least 1); durations, behaviour and
    /// popularity stay, so the shape of the rush is unchanged.
    /// </summary>
    public RushScenario ScaledBy(double factor)
    {
        if (!(factor > 0) || double.IsInfinity(factor)) throw new ArgumentException($"--scale must be a positive number, was {factor}.");
        int numbers = Math.Max(1, (int)Math.Round(Numbers * factor));
        return this with
        {
            Load = Load with
            {
                Arrivals = Load.Arrivals.Scaled(factor),
                ClosedPatients = Load.ClosedPatients is { } c ? Math.Max(1, (int)Math.Round(c * factor)) : null,
            },
            Numbers = numbers,
            Pools = Math.Min(Pools, numbers),
            Patients = (int)Math.Clamp(Math.Round(Patients * factor), 1, int.MaxValue),
            RegisteredPatients = RegisteredPatients is { } r ? (int)Math.Clamp(Math.Round(r * factor), 1, int.MaxValue) : null,
        };
    }

    /// <summary>The quota of each pool: <see cref="Numbers"/> split as evenly as whole numbers allow.</summary>
    public IReadOnlyList<int> QuotaPerPool()
    {
        int pools = Math.Max(1, Math.Min(Pools, Numbers));
        return Enumerable.Range(0, pools).Select(i => Numbers / pools + (i < Numbers % pools ? 1 : 0)).ToList();
    }

    public void Validate()
    {
        if (Pools < 1) throw new ArgumentException("--pools must be at least 1.");
        if (Numbers < 1) throw new ArgumentException("--numbers must be at least 1.");
        if (QuotaPerPool().Max() > MaxPoolQuota)
            throw new ArgumentException($"--numbers {Numbers} over --pools {Pools} puts more than {MaxPoolQuota:N0} numbers in a pool, the API's limit.");
        if (Patients < 1) throw new ArgumentException("--patients must be at least 1.");
        if (RegisteredPatients < Patients)
            throw new ArgumentException($"--registered {RegisteredPatients} is fewer than the {Patients:N0} patients of the crowd (--patients), who must all be registered.");
        if (PoolsCreatedAtOnce < 1) throw new ArgumentException("--create-parallelism must be at least 1.");
        if (Popularity < 0) throw new ArgumentException("--popularity must not be negative.");
        if (Load.Arrivals.Duration <= TimeSpan.Zero) throw new ArgumentException("--duration must be positive.");
        Behaviour.Validate();
    }
}
