namespace OrleansBooking.Benchmarks;

/// <summary>What to measure, from the command line.</summary>
public sealed record BenchmarkOptions(
    IReadOnlyList<string> Databases,
    string? MySqlConnectionString,
    int Reservations,
    int Concurrency,
    int Runs,
    IReadOnlyList<EngineMode> Engines,
    bool WarmUp)
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
          --no-warm-up               count the first run too (by default a run of every configuration warms up first, uncounted)
          --engines A,B              only these of GroupCommit, OneWritePerReservation, Conventional (default all;
                                     e.g. one engine alone under a profiler)
        Remembered access tokens instead: dotnet run -c Release --project benchmarks -- token-cache --help
        An active patient grain's own state instead: dotnet run -c Release --project benchmarks -- patient-state --help
        OpenTelemetry's bytes per metric stream instead: dotnet run -c Release --project benchmarks -- metric-streams --help
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        var databases = new List<string> { "sqlite" };
        string? mysql = null;
        int reservations = 5_000, concurrency = 64, runs = 5;
        IReadOnlyList<EngineMode> engines = Enum.GetValues<EngineMode>();
        var warmUp = true;
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
                case "--engines": engines = ParseEngines(Next()); break;
                case "--no-warm-up": warmUp = false; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        if (databases.Any(d => d is not ("sqlite" or "mysql"))) throw new ArgumentException("--db takes sqlite, mysql or all.");
        if (databases.Contains("mysql") && mysql is null) throw new ArgumentException("--db mysql needs --mysql \"<connection string>\".");
        return new BenchmarkOptions(databases, mysql, reservations, concurrency, runs, engines, warmUp);
    }

    private static IReadOnlyList<EngineMode> ParseEngines(string text)
    {
        var engines = new List<EngineMode>();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<EngineMode>(name, ignoreCase: true, out var engine) || !Enum.IsDefined(engine))
                throw new ArgumentException($"--engines takes {string.Join(", ", Enum.GetNames<EngineMode>())} (was '{name}').");
            if (!engines.Contains(engine)) engines.Add(engine);
        }
        return engines.Count > 0 ? engines : throw new ArgumentException("--engines needs at least one engine.");
    }

    private static int PositiveInt(string text, string option) =>
        int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"{option} takes a positive whole number.");
}
