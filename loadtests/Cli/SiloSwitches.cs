using OrleansBooking.LoadTests.Hosting;
using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Cli;

/// <summary>
/// Where the service under test is: a running one at <c>--url</c>, or one this suite starts from
/// <c>--start-silo</c> with the storage and engine switches the silo reads from its configuration
/// (<c>Storage:Provider</c>, <c>Storage:ConnectionString</c>, <c>Booking:Engine</c>) and the settings
/// every load-tested silo needs (<see cref="LoadTestSiloSettings"/>).
/// </summary>
public sealed record SiloSwitches(
    Uri Url, string? StartSilo, string? Storage, string? ConnectionString, string? Engine, IReadOnlyList<string> ExtraArgs, TimeSpan ReadyTimeout)
{
    /// <summary>Default service URL when none is given.</summary>
    public static readonly Uri DefaultUrl = new("http://127.0.0.1:5080/");

    public const string Help = """
          --url URL                 service to test (default http://127.0.0.1:5080)
          --start-silo PATH         start the silo first: a project folder/.csproj (dotnet run -c Release) or a built .dll;
                                    it listens on --url and is stopped at the end. It is given what a load test needs:
                                    --Booking:Accounts:PasswordIterations=1000, --Booking:Accounts:AcceptOutboxCodeSender=true,
                                    a per-address rate limit of 1,000,000/s and the admin as Booking:Accounts:FirstAdmin
          --storage sqlite|mysql    passed as --Storage:Provider (with --start-silo)
          --connection-string CS    passed as --Storage:ConnectionString; for sqlite a fresh file under --out by default
          --engine actor|conventional  passed as --Booking:Engine
          --silo-arg ARG            any other switch for the silo, repeatable (e.g. --silo-arg=--Booking:MailboxLimit=5000)
          --ready-timeout DUR       how long to wait for /health/ready (default 3m)

        """;

    /// <summary>Settings a scenario needs kept off the command line (environment variables of the started silo).</summary>
    public IReadOnlyDictionary<string, string> ScenarioSecrets { get; init; } = new Dictionary<string, string>();

    public static SiloSwitches From(CommandLineArgs args) => new(
        args.Url("url") ?? DefaultUrl,
        args.String("start-silo"),
        args.String("storage"),
        args.String("connection-string"),
        args.String("engine"),
        args.All("silo-arg"),
        args.Duration("ready-timeout") ?? LocalSilo.DefaultReadyTimeout);

    /// <summary>Starts the silo if asked to; returns null when the service is already running.</summary>
    /// <param name="admin">The admin the silo creates at start when its database has none; null when the command needs no admin.</param>
    public async Task<LocalSilo?> StartIfAskedAsync(
        string reportFolder, string? engine, string label, AdminCredentials? admin, TextWriter console, CancellationToken ct)
    {
        if (StartSilo is null) return null;
        var settings = new List<string>(LoadTestSiloSettings.Switches(admin));
        string? storage = Storage;
        if (storage is not null) settings.Add($"--Storage:Provider={storage}");
        string? connection = ConnectionString;
        if (connection is null && (storage ?? "sqlite") == "sqlite")
            connection = $"Data Source={Path.Combine(reportFolder, $"{label}.db")}";
        if (connection is not null) settings.Add($"--Storage:ConnectionString={connection}");
        if ((engine ?? Engine) is { } e) settings.Add($"--Booking:Engine={e}");
        // Last, so a --silo-arg overrides any setting above: the silo reads the last of repeated switches.
        settings.AddRange(ExtraArgs);
        console.WriteLine($"Starting silo {StartSilo} at {Url} ({string.Join(' ', settings)})…");
        var secrets = LoadTestSiloSettings.Environment(admin).Concat(ScenarioSecrets).ToDictionary();
        var silo = await LocalSilo.StartAsync(StartSilo, Url, settings, secrets,
            Path.Combine(reportFolder, $"{label}-silo.log"), ReadyTimeout, ct).ConfigureAwait(false);
        console.WriteLine("Silo ready.");
        return silo;
    }
}
