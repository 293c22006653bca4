using System.Globalization;
using System.Text;
using MySqlConnector;
using OrleansBooking.Silo.Storage;

namespace OrleansBooking.Benchmarks;

/// <summary>Runs every engine mode on every database, interleaved run by run so machine noise hits all alike.</summary>
public static class SideBySide
{
    public sealed record Row(string Database, EngineMode Mode, RunResult Median, IReadOnlyList<RunResult> Runs);

    public static async Task<IReadOnlyList<Row>> RunAsync(BenchmarkOptions options, TextWriter progress)
    {
        var results = new Dictionary<(string, EngineMode), List<RunResult>>();
        // Run 0 warms up: the first pool of a process runs on code the JIT has not tiered yet and
        // answered a third slower than the rest (docs/benchmarks.md, 0i); it is shown, not counted.
        for (var run = options.WarmUp ? 0 : 1; run <= options.Runs; run++)
        {
            foreach (var database in options.Databases)
            {
                foreach (var mode in options.Engines)
                {
                    var storage = await FreshDatabaseAsync(database, options.MySqlConnectionString, $"{mode}-{run}");
                    await using var engine = await EngineUnderTest.StartAsync(mode, storage, options.Reservations);
                    var result = await HotPoolRun.MeasureAsync(engine.Pools, options.Reservations, options.Concurrency);
                    progress.WriteLine(FormattableString.Invariant(
                        $"{(run == 0 ? "warm-up" : $"run {run}")} {database,-6} {mode,-22} {result.ReservationsPerSecond,9:0}/s  p50 {result.P50Ms,7:0.0} ms  p99 {result.P99Ms,7:0.0} ms  faults retried {result.Faults}  sold out {result.SoldOutShortcutPerSecond:0}/s shortcut, {result.SoldOutReservePerSecond:0}/s reserve"));
                    if (run > 0) (results.TryGetValue((database, mode), out var list) ? list : results[(database, mode)] = []).Add(result);
                }
            }
        }
        return results.Select(r => new Row(r.Key.Item1, r.Key.Item2, Median(r.Value), r.Value)).ToList();
    }

    public static string ToMarkdown(IReadOnlyList<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| database | engine | reservations/s (median) | p50 ms | p99 ms | faults retried (all runs) | vs conventional | sold-out answers/s: shortcut | sold-out answers/s: reserve |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            // Without the conventional engine in the run there is nothing to compare with.
            var baseline = rows.SingleOrDefault(r => r.Database == row.Database && r.Mode == EngineMode.Conventional)?.Median.ReservationsPerSecond;
            var ratio = baseline is { } conventional ? string.Create(CultureInfo.InvariantCulture, $"{row.Median.ReservationsPerSecond / conventional:0.0}×") : "—";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Database} | {row.Mode} | {row.Median.ReservationsPerSecond:0} | {row.Median.P50Ms:0.0} | {row.Median.P99Ms:0.0} | {row.Median.Faults} | {ratio} | {row.Median.SoldOutShortcutPerSecond:0} | {row.Median.SoldOutReservePerSecond:0} |"));
        }
        return text.ToString();
    }

    private static RunResult Median(List<RunResult> runs)
    {
        static double Mid(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
        return new RunResult(Mid(runs.Select(r => r.ReservationsPerSecond)), Mid(runs.Select(r => r.P50Ms)), Mid(runs.Select(r => r.P99Ms)),
            runs.Sum(r => r.Faults), Mid(runs.Select(r => r.SoldOutShortcutPerSecond)), Mid(runs.Select(r => r.SoldOutReservePerSecond)));
    }

    private static async Task<StorageOptions> FreshDatabaseAsync(string database, string? mysqlConnectionString, string label)
    {
        if (database == "sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"orleansbooking-bench-{label}-{Guid.NewGuid():N}.db");
            return new StorageOptions { Provider = StorageOptions.Sqlite, ConnectionString = $"Data Source={file}" };
        }

        var server = mysqlConnectionString!; // BenchmarkOptions.Parse requires --mysql with --db mysql
        var name = $"bench_{Guid.NewGuid():N}"[..20];
        await using (var connection = new MySqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new MySqlConnectionStringBuilder(server) { Database = name };
        return new StorageOptions { Provider = StorageOptions.MySql, ConnectionString = builder.ConnectionString };
    }
}
