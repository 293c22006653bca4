using OrleansBooking.LoadTests.Reports;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;

namespace OrleansBooking.LoadTests.Cli;

/// <summary><c>verify</c>: re-check a past run (or any pools) against the service, e.g. after restarting it.</summary>
public static class VerifyCommand
{
    public const string Help = """
        verify — read pools back from a running service and check the invariants: no pool over quota, no
        patient twice in a pool, distinct numbers in 1..quota, booked count matches. Given a past run's folder,
        also checks every acknowledged (2xx) reservation still exists and matches — run it after restarting
        the service to prove acknowledged reservations are durable.

          --url URL                 service (default http://127.0.0.1:5080)
          --run DIR                 a rush report folder (reads pools.csv and acknowledgements.csv)
          --pools ID,ID,…           pools to check (in addition to the run's)
          --patient-daily-limit N   also check no patient holds more than N reservations per day
          --timeout DUR             per-request timeout (default 10s)

        Reading a pool's reservations takes a doctor or an admin, so verify signs in as an admin:
        """ + AdminSwitches.Help + """
        Exit codes: 0 all invariants hold, 2 a violation was found, 3 usage, 4 setup failed (e.g. the admin was refused).

        """;

    public static async Task<int> RunAsync(CommandLineArgs args, TextWriter console, CancellationToken ct)
    {
        if (args.Flag("help"))
        {
            console.Write(Help);
            return ExitCodes.Passed;
        }
        var url = args.Url("url") ?? SiloSwitches.DefaultUrl;
        string? run = args.String("run");
        var extraPools = (args.String("pools") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int? limit = args.Int("patient-daily-limit");
        var timeout = args.Duration("timeout") ?? TunedHttpClient.DefaultRequestTimeout;
        var admin = AdminSwitches.From(args, startsSilo: false);
        args.EnsureAllRead();
        if (run is null && extraPools.Length == 0) throw new UsageException("verify needs --run DIR or --pools ID,….");

        var ledger = run is null ? new AcknowledgementLedger() : CsvFiles.ReadAcknowledgements(Path.Combine(run, CsvFiles.Acknowledgements));
        var pools = (run is null ? [] : CsvFiles.ReadPools(Path.Combine(run, CsvFiles.Pools)).Select(p => (p.PoolId, (string?)p.Date)))
            .Concat(extraPools.Select(p => (p, (string?)null)))
            .DistinctBy(p => p.Item1)
            .ToList();

        using var http = TunedHttpClient.Create(url, maxConnections: 8, timeout);
        var client = new BookingServiceClient(http);
        var readback = await PoolReader.ReadAsync(client, new AdminSession(client, admin), pools, TimeProvider.System, ct).ConfigureAwait(false);
        var report = BookingVerifier.Verify(readback, ledger, limit);
        console.WriteLine($"Checked {report.PoolsChecked} pools, {report.ActiveReservations:N0} active reservations, {report.Acknowledgements:N0} acknowledgements.");
        foreach (var v in report.Violations) console.WriteLine($"  VIOLATION {v}");
        console.WriteLine(report.Passed ? "All invariants hold." : $"{report.Violations.Count} violation(s).");
        return report.Passed ? ExitCodes.Passed : ExitCodes.InvariantViolated;
    }
}
