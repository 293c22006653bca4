using OrleansBooking.LoadTests.Reports;
using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Cli;

/// <summary><c>rush</c>: the 08:00 release against one service, verified and reported.</summary>
public static class RushCommand
{
    public const string Help = """
        rush — replay a release rush: create pools released a few seconds ahead, let the crowd in at the
        release instant, verify every pool afterwards, write reports.

        Default, modelled on PKU School of Stomatology's 2022 release: 1,009 numbers in 36 pools; ≈73,700
        patients in 60 s (8,100/s at the release, decaying); nine in ten try to book, up to 3 doctors each
        after sold_out: ≈200,000 reservation attempts, peak ≈22,700 requests/s. Quick run: --scale 0.01 --duration 10s
        Constant 20,000 attempts/s for 60 s: --profile constant --rate 20000 --max-choices 1 --browse-ratio 0
        A provincial platform (10,000 pools, 1,000,000 patients on file, 200,000 signed in; memory watched): --provincial

        Target

        """ + SiloSwitches.Help + AdminSwitches.Help + """

        Workload

        """ + ScenarioSwitches.LoadHelp + ScenarioSwitches.RushHelp + """

        Scenarios

        """ + VariantSwitches.Help + """

        Memory

        """ + MemorySwitches.Help + """

        Output and thresholds

        """ + OutputSwitches.Help + """

        Exit codes: 0 pass, 1 threshold breached, 2 invariant violated, 3 usage, 4 setup failed, 5 generator fault,
        130 stopped before the release (Ctrl+C later stops the crowd but still verifies and reports).

        """;

    public static async Task<int> RunAsync(CommandLineArgs args, TextWriter console, CancellationToken ct)
    {
        if (args.Flag("help"))
        {
            console.Write(Help);
            return ExitCodes.Passed;
        }
        var variant = VariantSwitches.From(args);
        var memory = MemorySwitches.From(args);
        var target = VariantSwitches.ForSilo(memory.ForSilo(SiloSwitches.From(args)), variant);
        var admin = AdminSwitches.From(args, startsSilo: target.StartSilo is not null);
        var scenario = VariantSwitches.ForScenario(ScenarioSwitches.Rush(args), variant, args);
        var output = OutputSwitches.From(args);
        args.EnsureAllRead();

        string runId = RushRunner.NewRunId("rush");
        string folder = ReportFolder.Create(output.Root, runId);
        await using var silo = await target.StartIfAskedAsync(folder, engine: null, "rush", admin, console, ct).ConfigureAwait(false);
        using var http = output.CreateTransport(target.Url);
        var runner = new RushRunner(http, scenario, progress: output.Quiet ? null : console)
        {
            RunId = runId,
            Admin = admin,
            Variant = variant,
            WatchMemory = memory.Watch,
            IdleFor = memory.IdleFor,
            WarmupConcurrency = Math.Max(Drivers.Warmup.DefaultConcurrency, output.Connections),
        };
        var result = await runner.RunAsync(ct).ConfigureAwait(false);

        var verdict = Verdict.Of(output.Thresholds, result.Measurements, result.MainKind, result.Session, result.Verification);
        RushReports.Write(result, verdict, output.Root, console);
        return ExitCodes.For(verdict);
    }
}
