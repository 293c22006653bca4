using System.Net;
using System.Net.Sockets;
using OrleansBooking.LoadTests.Hosting;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.Tests.Infrastructure;

namespace OrleansBooking.Tests.Cluster;

/// <summary>
/// Real silo processes (the built <c>OrleansBooking.Silo.dll</c>, as an operator runs it) forming
/// one Orleans cluster on a private MariaDB (Cluster:Provider=mysql). Shared by the cluster tests
/// of one collection: three silo starts cost seconds of the 2 cores, so tests share them and a test
/// that kills or stops a silo gets it back with <see cref="EnsureAllRunningAsync"/>.
/// </summary>
public sealed class SiloCluster : IAsyncLifetime
{
    public const int Size = 3;
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly LocalSilo?[] silos = new LocalSilo?[Size];
    private readonly Uri[] urls = Enumerable.Range(0, Size).Select(_ => new Uri($"http://127.0.0.1:{FreePort()}")).ToArray();
    private MariaDbServer? server;

    public AdminCredentials Admin { get; } = new("cluster-admin", "cluster-admin-" + Guid.NewGuid().ToString("N"));

    public string ConnectionString { get; private set; } = "";

    public MariaDbServer Server => server!;

    /// <summary>Where the silos write their console output (kept after the run when a test fails).</summary>
    public string LogFolder { get; } = Directory.CreateTempSubdirectory("orleansbooking-cluster-").FullName;

    public IReadOnlyList<Uri> Urls => urls;

    public LocalSilo Silo(int index) => silos[index] ?? throw new InvalidOperationException($"Silo {index} is not running.");

    public async Task InitializeAsync()
    {
        server = await MariaDbServer.StartNewAsync();
        ConnectionString = await server.CreateDatabaseAsync("cluster");
        // The first silo migrates the schema alone; the others then join at once.
        silos[0] = await StartSiloAsync(0, "orleansbooking");
        await Task.WhenAll(Enumerable.Range(1, Size - 1).Select(async i => silos[i] = await StartSiloAsync(i, "orleansbooking")));
    }

    /// <summary>Starts again any silo of the cluster that a test killed or stopped.</summary>
    public async Task EnsureAllRunningAsync()
    {
        for (var i = 0; i < Size; i++)
        {
            if (silos[i] is { HasExited: false }) continue;
            if (silos[i] is { } dead) await dead.DisposeAsync();
            silos[i] = await StartSiloAsync(i, "orleansbooking");
        }
    }

    /// <summary>A silo of another cluster id on the same database (a misconfiguration, or a split); the caller disposes it.</summary>
    public async Task<(LocalSilo Silo, string LogPath)> StartForeignSiloAsync(string clusterId)
    {
        var log = LogPath(clusterId);
        return (await StartSiloAsync(new Uri($"http://127.0.0.1:{FreePort()}"), clusterId, log), log);
    }

    private Task<LocalSilo> StartSiloAsync(int index, string clusterId) => StartSiloAsync(urls[index], clusterId, LogPath($"silo{index}"));

    private string LogPath(string name) => Path.Combine(LogFolder, $"{name}-{DateTime.UtcNow:HHmmss.fff}.log");

    private Task<LocalSilo> StartSiloAsync(Uri url, string clusterId, string log)
    {
        var switches = LoadTestSiloSettings.Switches(Admin).Concat(
        [
            "--Storage:Provider=mysql",
            $"--Storage:ConnectionString={ConnectionString}",
            "--Cluster:Provider=mysql",
            $"--Cluster:ClusterId={clusterId}",
            // Loopback: every silo of the test is on this machine, and no traffic may leave it.
            "--Cluster:AdvertisedAddress=127.0.0.1",
            "--Booking:SeedDemoHospital=false",
        ]);
        return LocalSilo.StartAsync(SiloDll, url, switches, LoadTestSiloSettings.Environment(Admin), log, ReadyTimeout, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in silos)
            if (silo is not null) await silo.DisposeAsync();
        if (server is not null) await server.DisposeAsync();
    }

    /// <summary>The silo as built next to the tests (scripts/test.sh and <c>dotnet test</c> build it first).</summary>
    private static string SiloDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/tests/bin/{Release}/net10.0/
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (!File.Exists(Path.Combine(folder.FullName, "OrleansBooking.sln"))) continue;
                var dll = Path.Combine(folder.FullName, "silo", "bin", configuration, "net10.0", "OrleansBooking.Silo.dll");
                return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution ({configuration}) first.");
            }
            throw new InvalidOperationException($"No OrleansBooking.sln above {AppContext.BaseDirectory}.");
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class SiloClusterCollection : ICollectionFixture<SiloCluster>
{
    public const string Name = "silo-cluster";
}
