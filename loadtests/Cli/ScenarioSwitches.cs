using OrleansBooking.LoadTests.Arrivals;
using OrleansBooking.LoadTests.Scenarios;

namespace OrleansBooking.LoadTests.Cli;

/// <summary>Reads the workload options shared by <c>rush</c> and <c>ceiling</c> into a load model and a scenario.</summary>
public static class ScenarioSwitches
{
    public const string LoadHelp = """
          --profile spike|constant|ramp  arrival shape (default spike for rush, constant for ceiling)
          --peak N --floor N --decay DUR   spike: patients/s at the release, the floor it decays to, time constant
                                    (defaults 8100, 370, 6.667s: ≈73,700 patients in 60 s)
          --rate N                  constant: arrivals/s
          --from N --to N           ramp: arrivals/s at start and end
          --duration DUR            length of the arrival schedule (default 60s for rush)
          --poisson                 exponential gaps instead of even spacing
          --closed N                closed model instead: N patients, each starting again when done
          --late-after DUR          an arrival sent later than this is reported late (default 10ms)
          --max-pending N           visits in flight beyond which arrivals are dropped and counted (default 50000)
          --drain DUR               wait after the last arrival for visits still in flight, then cancel the rest (default 30s)
          --seed N                  seed for arrivals and patients' choices (default 2022)
          --warmup DUR              unmeasured traffic first, to open connections and warm JIT (default 3s; 0 to skip);
                                    a rush warms up by browsing pools until just before the release

        """;

    public static LoadModel Load(CommandLineArgs args, ArrivalProfile defaultProfile)
    {
        var defaults = new LoadModel { Arrivals = defaultProfile };
        var duration = args.Duration("duration") ?? defaultProfile.Duration;
        ArrivalProfile profile = (args.String("profile") ?? ProfileName(defaultProfile)) switch
        {
            "spike" => Spike(args, defaultProfile as ReleaseSpikeArrivals ?? (ReleaseSpikeArrivals)RushScenario.DefaultArrivals, duration),
            "constant" => new ConstantArrivals(args.Double("rate") ?? (defaultProfile as ConstantArrivals)?.Rate ?? 1_000, duration),
            "ramp" => new RampArrivals(args.Double("from") ?? 0, args.Double("to") ?? throw new UsageException("--profile ramp needs --to N."), duration),
            var other => throw new UsageException($"--profile must be spike, constant or ramp, not '{other}'."),
        };
        // Read every shape's options so a stray one is not reported as unknown when the profile ignores it.
        foreach (var name in new[] { "peak", "floor", "decay", "rate", "from", "to" }) args.String(name);
        return defaults with
        {
            Arrivals = profile,
            Spacing = args.Flag("poisson") ? ArrivalSpacing.Poisson : ArrivalSpacing.Uniform,
            ClosedPatients = args.Int("closed"),
            ClosedDuration = duration,
            LateAfter = args.Duration("late-after") ?? defaults.LateAfter,
            MaxPending = args.Int("max-pending") ?? defaults.MaxPending,
            Drain = args.Duration("drain") ?? defaults.Drain,
            Seed = args.Int("seed") ?? defaults.Seed,
            Warmup = args.Duration("warmup") ?? defaults.Warmup,
        };
    }

    public const string RushHelp = """
          --provincial              a provincial platform (issue: scale and memory): 10,000 pools of 10 numbers released at
                                    once, 1,000,000 patients on file of whom 200,000 sign in and book (spike 12000 → 1500/s,
                                    τ 10s, 60 s), --release-in 3m, memory watched, --idle-for 3m; a started silo gets
                                    Grains:IdleAge=00:01:00 and Grains:CollectionInterval=00:00:10. Other switches override it
          --scale F                 multiply arrival rates, numbers, patients (and --closed) by F, e.g. 0.01 for a quick run
          --pools N                 pools (doctor sessions) sharing the numbers (default 36)
          --numbers N               numbers released across all pools (default 1009)
          --patients N              distinct patients in the crowd, each signed in before the release (default 150000)
          --registered N            patients on file, of whom the first --patients are the crowd (default: the crowd only)
          --popularity S            Zipf exponent of doctor popularity (default 1.1)
          --minutes-per-number N    visit spacing of created pools (default 5)
          --browse-ratio F          share of arrivals that only look at a pool (default 0.1)
          --cancel-ratio F          share of booked patients who cancel later (default 0.02)
          --cancel-after DUR        when they cancel (default 3s)
          --max-choices N           doctors tried before giving up on sold_out (default 3)
          --max-retries N           retries of a 503/timeout with the same idempotency key (default 4)
          --release-in DUR          release this far after provisioning (default 5s)
          --create-parallelism N    pools created at once before the release (default 8; 32 with --provincial)
          --patient-daily-limit N   verify no patient holds more than N reservations per visit day (default 2, the
                                    silo's Booking:Limits:PerDay; 0 to skip)

        """;

    public static RushScenario Rush(CommandLineArgs args)
    {
        var d = args.Flag("provincial") ? ProvincialPlatform.Scenario : RushScenario.Default;
        var behaviour = d.Behaviour with
        {
            BrowseRatio = args.Double("browse-ratio") ?? d.Behaviour.BrowseRatio,
            CancelRatio = args.Double("cancel-ratio") ?? d.Behaviour.CancelRatio,
            CancelAfter = args.Duration("cancel-after") ?? d.Behaviour.CancelAfter,
            MaxChoices = args.Int("max-choices") ?? d.Behaviour.MaxChoices,
            MaxRetries = args.Int("max-retries") ?? d.Behaviour.MaxRetries,
        };
        var scenario = d with
        {
            Load = Load(args, d.Load.Arrivals),
            Pools = args.Int("pools") ?? d.Pools,
            Numbers = args.Int("numbers") ?? d.Numbers,
            Patients = args.Int("patients") ?? d.Patients,
            RegisteredPatients = args.Int("registered") ?? d.RegisteredPatients,
            Popularity = args.Double("popularity") ?? d.Popularity,
            MinutesPerNumber = args.Int("minutes-per-number") ?? d.MinutesPerNumber,
            Behaviour = behaviour,
            ReleaseIn = args.Duration("release-in") ?? d.ReleaseIn,
            PoolsCreatedAtOnce = args.Int("create-parallelism") ?? d.PoolsCreatedAtOnce,
            PatientDailyLimit = args.Int("patient-daily-limit") is { } limit ? (limit > 0 ? limit : null) : d.PatientDailyLimit,
        };
        if (args.Double("scale") is { } scale)
        {
            try { scenario = scenario.ScaledBy(scale); }
            catch (ArgumentException e) { throw new UsageException(e.Message); }
        }
        try { scenario.Validate(); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
        return scenario;
    }

    private static ReleaseSpikeArrivals Spike(CommandLineArgs args, ReleaseSpikeArrivals defaults, TimeSpan duration) =>
        new(args.Double("peak") ?? defaults.Peak, args.Double("floor") ?? defaults.Floor, args.Duration("decay") ?? defaults.Decay, duration);

    private static string ProfileName(ArrivalProfile p) => p switch
    {
        ReleaseSpikeArrivals => "spike",
        RampArrivals => "ramp",
        _ => "constant",
    };
}
