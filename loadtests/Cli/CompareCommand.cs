using OrleansBooking.LoadTests.Arrivals;
using OrleansBooking.LoadTests.Comparison;
using OrleansBooking.LoadTests.Reports;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Service.Transport;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests.Cli;

/// <summary><c>compare</c>: HTTP ceiling, actor engine and conventional engine, one workload, one session.</summary>
public static class CompareCommand
{
    public const string Help = """
        compare — the side-by-side benchmark. In one session, on one machine, the same workload against:
          1. ceiling       GET /health/live on the same host (what HTTP alone costs): the silo is first warmed by an
                           unmeasured pass of our ceiling (--warm-silo), then our generator and, when wrk is installed,
                           `wrk -t2 -c256 -d<duration> --latency` take turns against it (ours, wrk, ours, wrk …, --rounds):
                           request rate, latency and CPU per 1,000 requests of each round, the medians, ours / wrk
                           against 80 %, and the actor leg's reservation attempts/s against 0.5 × our median ceiling
          2. actor         one hot pool at a time, Booking:Engine=actor
          3. conventional  one hot pool at a time, Booking:Engine=conventional (one locking transaction per reservation)
        then prints throughput, latency and the ratios. With --start-silo a fresh silo is started per engine
        (fresh SQLite file each, or the --connection-string you give, e.g. MariaDB); without it, --url serves the
        actor leg and the ceiling and --conventional-url the conventional leg.

        Target

        """ + SiloSwitches.Help + """
          --conventional-url URL    without --start-silo: a second, already running silo with the conventional engine
          --legs LIST               comma-separated subset of ceiling,actor,conventional (default all three)
          --numbers N               numbers per engine leg (default 200000), offered as a queue of pools of up to
                                    10,000 (the API's limit): only the first not yet sold out is open to patients
          --patients N              registered patients per engine leg, taken in turn (default: numbers + 10 % + 100).
                                    With few numbers and many patients the leg is the rush's crowd after sell-out:
                                    mostly sold-out answers, each patient within its rate limit (5/s, burst 30)
          --ceiling-path PATH       route for the ceiling (default health/live)
          --wrk PATH                the wrk to run in turn with our ceiling (default: wrk on PATH; 'none' to skip it)
          --rounds N                measured ceiling rounds, each ours then wrk's (default 3); medians are compared
          --warm-silo DUR           unmeasured pass of our ceiling before the first round (default 10s; 0s to skip)

        """ + AdminSwitches.Help + """
        Each engine leg registers its own patients and signs every one in before its release (not measured).

        Workload (default: closed model, 64 patients for 15 s; give --rate for an open model)
          --closed N                patients in the closed model (default 64)
          --rate N                  open model at N arrivals/s instead (constant; --poisson for exponential gaps)
          --duration DUR            per leg (default 15s)
          --poisson, --seed N, --late-after DUR, --max-pending N, --drain DUR, --warmup DUR   as for rush

        Output

        """ + OutputSwitches.Help;

    private static readonly string[] AllLegs = ["ceiling", "actor", "conventional"];

    public static async Task<int> RunAsync(CommandLineArgs args, TextWriter console, CancellationToken ct)
    {
        if (args.Flag("help"))
        {
            console.Write(Help);
            return ExitCodes.Passed;
        }
        var target = SiloSwitches.From(args);
        var admin = AdminSwitches.From(args, startsSilo: target.StartSilo is not null);
        var conventionalUrl = args.Url("conventional-url");
        var legs = (args.String("legs") ?? string.Join(',', AllLegs)).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (legs.Except(AllLegs).FirstOrDefault() is { } bad) throw new UsageException($"--legs: unknown leg '{bad}'.");
        int numbers = args.Int("numbers") ?? CompareRunner.DefaultHotPoolNumbers;
        int? patients = args.Int("patients");
        if (patients is < 1) throw new UsageException("--patients: at least 1.");
        string ceilingPath = args.String("ceiling-path") ?? CeilingProbe.DefaultPath;
        string? wrkSwitch = args.String("wrk");
        int rounds = args.Int("rounds") ?? CeilingRounds.DefaultRounds;
        if (rounds < 1) throw new UsageException("--rounds: at least 1.");
        var warmSilo = args.Duration("warm-silo") ?? DefaultWarmSilo;
        var duration = args.Duration("duration") ?? TimeSpan.FromSeconds(15);
        var model = Model(args, duration);
        // The warming pass is our ceiling under the same load, unmeasured, for its own length.
        var warmModel = Model(args, warmSilo) with { Warmup = TimeSpan.Zero };
        var output = OutputSwitches.From(args);
        args.EnsureAllRead();

        string runId = RushRunner.NewRunId("compare");
        string folder = ReportFolder.Create(output.Root, runId);
        var progress = output.Quiet ? null : console;
        var results = new List<LegResult>();

        var failures = new List<string>();
        CeilingRounds? ceiling = null;
        // The ceiling and the actor leg share a host, so the ceiling is measured where the actor engine runs.
        if (legs.Contains("ceiling") || legs.Contains("actor"))
        {
            await RunLegsAsync(target, admin, output, folder, "actor", target.Url, failures, console, ct, async http =>
            {
                if (legs.Contains("ceiling"))
                {
                    var url = new Uri(http.BaseAddress!, ceilingPath.TrimStart('/'));
                    ceiling = await CeilingRounds.RunAsync(rounds,
                        async () =>
                        {
                            if (warmSilo > TimeSpan.Zero)
                                await CompareRunner.RunCeilingAsync(http, warmModel, ceilingPath, null, progress, ct, "warm silo (not measured)")
                                    .ConfigureAwait(false);
                        },
                        round => CompareRunner.RunCeilingAsync(http, model, ceilingPath, null, progress, ct, $"ceiling, round {round} of {rounds}"),
                        round => RunWrkAsync(wrkSwitch, url, duration, round, progress, console, ct)).ConfigureAwait(false);
                    results.Add(ceiling.MedianOurs);
                }
                if (legs.Contains("actor"))
                    results.Add(await CompareRunner.RunHotPoolAsync(http, "actor", model, numbers, patients, admin, null, progress, ct).ConfigureAwait(false));
            }).ConfigureAwait(false);
        }
        if (legs.Contains("conventional"))
        {
            if (target.StartSilo is null && conventionalUrl is null)
                console.WriteLine("Skipping the conventional leg: give --start-silo, or --conventional-url for a running conventional silo.");
            else
                await RunLegsAsync(target, admin, output, folder, "conventional", conventionalUrl ?? target.Url, failures, console, ct, async http =>
                    results.Add(await CompareRunner.RunHotPoolAsync(http, "conventional", model, numbers, patients, admin, null, progress, ct).ConfigureAwait(false)))
                    .ConfigureAwait(false);
        }

        var verdicts = results.Select(leg =>
        {
            var verdict = leg.Verdict(output.Thresholds) with { Title = $"Verdict: leg {leg.Name}" };
            if (ceiling is null) return verdict;
            return leg.Name switch
            {
                "ceiling" => verdict.With(WrkCeilingReport.Line(ceiling)),
                "actor" => verdict.With(WrkCeilingReport.ReservationLine(leg, ceiling)),
                _ => verdict,
            };
        }).ToList();
        CompareReport.Write(folder, "Side-by-side benchmark", results, model.Describe(), verdicts, console, ceiling);
        var codes = verdicts.Select(ExitCodes.For).ToList();
        if (codes.Contains(ExitCodes.GeneratorFault)) return ExitCodes.GeneratorFault;
        if (codes.Contains(ExitCodes.InvariantViolated)) return ExitCodes.InvariantViolated;
        if (failures.Count > 0) return ExitCodes.SetupFailed;
        return codes.Contains(ExitCodes.ThresholdBreached) ? ExitCodes.ThresholdBreached : ExitCodes.Passed;
    }

    /// <summary>Long enough for the silo's JIT tiers, pools and caches to settle before anything is measured.</summary>
    private static readonly TimeSpan DefaultWarmSilo = TimeSpan.FromSeconds(10);

    /// <summary>
    /// One round of the ceiling as wrk measures it, in turn with ours against the same silo. Without
    /// wrk, or when it fails, the report says so and the comparison goes on.
    /// </summary>
    private static async Task<WrkCeilingResult> RunWrkAsync(
        string? wrkSwitch, Uri url, TimeSpan duration, int round, TextWriter? progress, TextWriter console, CancellationToken ct)
    {
        if (string.Equals(wrkSwitch, "none", StringComparison.OrdinalIgnoreCase)) return WrkCeilingResult.Absent("skipped (--wrk none)");
        string? wrk = wrkSwitch ?? WrkCeiling.FindOnPath();
        if (wrk is null) return WrkCeilingResult.Absent("wrk is not on PATH (Debian package wrk); only our generator's ceiling was measured");
        try
        {
            return new WrkCeilingResult(await WrkCeiling.RunAsync(wrk, url, duration, round, progress, ct).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            console.WriteLine($"wrk could not measure the ceiling: {e.Message}");
            return WrkCeilingResult.Absent($"wrk failed: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>
    /// Starts the engine's silo when asked, runs its legs, stops it. A leg that cannot be set up is
    /// reported and skipped, so the legs that did run are still compared.
    /// </summary>
    private static async Task RunLegsAsync(
        SiloSwitches target, AdminCredentials? admin, OutputSwitches output, string folder, string engine, Uri url,
        List<string> failures, TextWriter console, CancellationToken ct, Func<IServiceTransport, Task> legs)
    {
        try
        {
            await using var silo = await target.StartIfAskedAsync(folder, engine, engine, admin, console, ct).ConfigureAwait(false);
            using var http = output.CreateTransport(url);
            await legs(http).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Provisioning.ProvisioningException or AdminAccessException or TimeoutException or InvalidOperationException
                                      or HttpRequestException)
        {
            console.WriteLine($"The {engine} legs could not run: {e.Message}");
            failures.Add(engine);
        }
    }

    private static LoadModel Model(CommandLineArgs args, TimeSpan duration)
    {
        var defaults = new LoadModel { Arrivals = new ConstantArrivals(1_000, duration) };
        double? rate = args.Double("rate");
        int? closed = args.Int("closed");
        return defaults with
        {
            Arrivals = new ConstantArrivals(rate ?? 1_000, duration),
            ClosedPatients = rate is null ? closed ?? 64 : null,
            ClosedDuration = duration,
            Spacing = args.Flag("poisson") ? ArrivalSpacing.Poisson : ArrivalSpacing.Uniform,
            LateAfter = args.Duration("late-after") ?? defaults.LateAfter,
            MaxPending = args.Int("max-pending") ?? defaults.MaxPending,
            Drain = args.Duration("drain") ?? TimeSpan.FromSeconds(10),
            Seed = args.Int("seed") ?? defaults.Seed,
            Warmup = args.Duration("warmup") ?? defaults.Warmup,
        };
    }
}
