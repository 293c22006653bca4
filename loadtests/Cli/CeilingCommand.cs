using OrleansBooking.LoadTests.Arrivals;
using OrleansBooking.LoadTests.Comparison;
using OrleansBooking.LoadTests.Reports;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests.Cli;

/// <summary><c>ceiling</c>: how many requests/s the host and this generator manage on the cheapest route.</summary>
public static class CeilingCommand
{
    public const string Help = """
        ceiling — load the cheapest route (GET /health/live) to find what HTTP alone costs on this machine:
        the ceiling every booking figure is compared with. Also a quick check of the generator itself: if
        arrivals come out late here, the generator, not the service, is the limit.

        Target

        """ + SiloSwitches.Help + """
          --path PATH               route to load (default health/live)

        Workload (default: constant 5,000/s for 10 s)

        """ + ScenarioSwitches.LoadHelp + """

        Output

        """ + OutputSwitches.Help;

    public static async Task<int> RunAsync(CommandLineArgs args, TextWriter console, CancellationToken ct)
    {
        if (args.Flag("help"))
        {
            console.Write(Help);
            return ExitCodes.Passed;
        }
        var target = SiloSwitches.From(args);
        string path = args.String("path") ?? CeilingProbe.DefaultPath;
        var model = ScenarioSwitches.Load(args, new ConstantArrivals(5_000, TimeSpan.FromSeconds(10)));
        var output = OutputSwitches.From(args);
        args.EnsureAllRead();

        string folder = ReportFolder.Create(output.Root, RushRunner.NewRunId("ceiling"));
        await using var silo = await target.StartIfAskedAsync(folder, engine: null, "ceiling", admin: null, console, ct).ConfigureAwait(false);
        using var http = output.CreateTransport(target.Url);
        var leg = await CompareRunner.RunCeilingAsync(http, model, path, null, output.Quiet ? null : console, ct).ConfigureAwait(false);
        console.WriteLine($"Arrivals: {leg.Measurements.Arrivals.Scheduled:N0} scheduled, {leg.Measurements.Arrivals.Late:N0} late, " +
                          $"{leg.Measurements.Arrivals.Dropped:N0} dropped, worst lag {leg.Measurements.Arrivals.MaxLag.TotalMilliseconds:0.0} ms");
        var verdict = leg.Verdict(output.Thresholds);
        CompareReport.Write(folder, "HTTP ceiling", [leg], model.Describe(), [verdict], console);
        return ExitCodes.For(verdict);
    }
}
