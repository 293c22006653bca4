using OrleansBooking.LoadTests.Cli;
using OrleansBooking.LoadTests.Provisioning;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Service.Transport;

namespace OrleansBooking.LoadTests;

/// <summary>Entry point of the release-rush suite: picks the sub-command and turns failures into exit codes.</summary>
public static class LoadTestsProgram
{
    public const string Help = """
        OrleansBooking load tests — the 08:00 release rush, measured and verified.

        Usage: dotnet run --project loadtests -c Release -- <command> [options]

        Commands:
          rush      replay a release rush against a service, verify it, write reports
          compare   HTTP ceiling vs actor engine vs conventional engine, one workload, side by side
          ceiling   load the cheapest route to find the HTTP ceiling (and check the generator)
          verify    re-check pools and a past run's acknowledgements against the service

        '<command> --help' lists its options. Reports go to --out (default loadtests/reports/<run id>/).

        """;

    public static async Task<int> Main(string[] args)
    {
        InlineSocketCompletions.Enable();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl+C stops the run and still writes what was measured; a second one kills the process.
            if (cancel.IsCancellationRequested) return;
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            // "help rush" reads as "rush --help".
            var parsed = CommandLineArgs.Parse(args is ["help", var command, ..] ? [command, "--help"] : args);
            return parsed.Command switch
            {
                "rush" => await RushCommand.RunAsync(parsed, Console.Out, cancel.Token),
                "compare" => await CompareCommand.RunAsync(parsed, Console.Out, cancel.Token),
                "ceiling" => await CeilingCommand.RunAsync(parsed, Console.Out, cancel.Token),
                "verify" => await VerifyCommand.RunAsync(parsed, Console.Out, cancel.Token),
                "help" => PrintHelp(),
                var other => throw new UsageException($"Unknown command '{other}'."),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("Run with --help for the commands.");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Stopped before the run began; nothing was measured.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is ProvisioningException or AdminAccessException or TimeoutException or InvalidOperationException
                                      or HttpRequestException)
        {
            Console.Error.WriteLine($"Setup failed: {e.Message}");
            return ExitCodes.SetupFailed;
        }
    }

    private static int PrintHelp()
    {
        Console.Out.Write(Help);
        return ExitCodes.Passed;
    }
}
