namespace OrleansBooking.Benchmarks;

/// <summary>What to measure, from the command line.</summary>
public sealed record BenchmarkOptions(
    IReadOnlyList<string> Databases,
    string? MySqlConnectionString,
    int Reservations,
    int Concurrency,
    int Runs)
{
    public const string Usage = """
        Reservations per second on one hot pool, in-process, side by side:
          actor engine with group commit | actor engine, one write per reservation | conventional engine
        Usage: dotnet run -c Release --project benchmarks -- [options]
          --db sqlite|mysql|all      databases to measure (default sqlite; mysql needs --mysql)
          --mysql "<conn string>"    a MariaDB/MySQL server account that may CREATE DATABASE
          --reservations N           reservations per run (default 5000; the pool's quota is N)
          --concurrency N            callers in flight at once (default 64)
          --runs N                   runs per configuration; the median is reported (default 5)
        Remembered access tokens instead: dotnet run -c Release --project benchmarks -- token-cache --help
        An active patient grain's own state instead: dotnet run -c Release --project benchmarks -- patient-state --help
        OpenTelemetry's bytes per metric stream instead: dotnet run -c Release --project benchmarks -- metric-streams --help
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        var databases = new List<string> { "sqlite" };
        string? mysql = null;
        int reservations = 5_000, concurrency = 64, runs = 5;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--db":
                    var db = Next();
                    databases = db == "all" ? ["sqlite", "mysql"] : [db];
                    break;
                case "--mysql": mysql = Next(); break;
                case "--reservations": reservations = PositiveInt(Next(), "--reservations"); break;
                case "--concurrency": concurrency = PositiveInt(Next(), "--concurrency"); break;
                case "--runs": runs = PositiveInt(Next(), "--runs"); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        if (databases.Any(d => d is not ("sqlite" or "mysql"))) throw new ArgumentException("--db takes sqlite, mysql or all.");
        if (databases.Contains("mysql") && mysql is null) throw new ArgumentException("--db mysql needs --mysql \"<connection string>\".");
        return new BenchmarkOptions(databases, mysql, reservations, concurrency, runs);
    }

    private static int PositiveInt(string text, string option) =>
        int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"{option} takes a positive whole number.");
}
