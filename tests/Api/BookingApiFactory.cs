using Microsoft.Extensions.Time.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.Api;

/// <summary>
/// The whole silo in process, on its own SQLite file and its own manual clock, so tests decide
/// when a release opens or a cancellation deadline passes. One per test class.
/// </summary>
public class BookingApiFactory : WebApplicationFactory<Program>
{
    /// <summary>08:00 in the hospital's zone (Asia/Shanghai) on 2026-11-30.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"orleansbooking-api-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> serviceOverrides = [];

    public BookingApiFactory()
    {
        // Many silos run in one test process at once: each takes free Orleans ports.
        settings["Cluster:SiloPort"] = "0";
        settings["Cluster:GatewayPort"] = "0";
        settings["Storage:Provider"] = "sqlite";
        settings["Storage:ConnectionString"] = $"Data Source={databasePath}";
        settings["Booking:Rules:TimeZoneId"] = "Asia/Shanghai";
        // The engine's tests book one patient in many pools on one day; the patients' tests restore the real limits.
        settings["Booking:Limits:PerDepartmentPerDay"] = "1000";
        settings["Booking:Limits:PerDay"] = "1000";
        settings["Booking:Limits:PerWeek"] = "1000";
        // The demo hospital would add its pools to every API test; the catalogue tests turn it on where they need it.
        settings["Booking:SeedDemoHospital"] = "false";
        // Sign-in tests hash many passwords; the default 100,000 PBKDF2 rounds would take most of their time.
        settings["Booking:Accounts:PasswordIterations"] = "1000";
        // The patients' and abuse tests register synthetic patients in bulk; LoadTestModeTests turns the mode off.
        settings["Booking:LoadTest:Enabled"] = "true";
        // Every test acts as a few accounts on a frozen clock, far beyond an honest patient's pace;
        // the limits stay in the pipeline, out of reach. tests/Abuse sets real ones.
        settings["Booking:RateLimits:PerAccount:Burst"] = "1000000";
        settings["Booking:RateLimits:PerAddress:Burst"] = "1000000";
        settings["Booking:RateLimits:SignIn:Burst"] = "1000000";
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The SQLite file this silo stores in; another factory given it shares the database (a second silo).</summary>
    public string DatabasePath => databasePath;

    /// <summary>Replaces services (e.g. the SMS code sender) after the silo's own registrations; call before the first client.</summary>
    public BookingApiFactory WithServices(Action<IServiceCollection> configure)
    {
        serviceOverrides.Add(configure);
        return this;
    }

    /// <summary>Overrides one configuration value; call before the first client is created.</summary>
    public BookingApiFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>A client signed in as an admin (every test that is not about who may do what acts as one).</summary>
    public new HttpClient CreateClient() => CreateClientAs(TestIdentity.Admin);

    /// <summary>A client whose requests act as <paramref name="identity"/> (null: no token) unless a request says otherwise.</summary>
    public HttpClient CreateClientAs(TestIdentity? identity) => this.CreateClientActingAs(identity);

    /// <summary>A client that sends no token.</summary>
    public HttpClient CreateAnonymousClient() => CreateClientAs(null);

    /// <summary>An access token as sign-in would issue it now, for tests that set headers themselves.</summary>
    public string TokenFor(TestIdentity identity, string? sessionId = null) => ActingAsHandler.TokenFor(Services, identity, Clock.GetUtcNow(), sessionId);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        // Also as host settings: the silo reads its cluster section while the builder is being set
        // up (Orleans is configured before the container exists), and only these reach it that early.
        foreach (var key in new[] { "Cluster:SiloPort", "Cluster:GatewayPort", "Observability:Dashboard:Enabled" })
            if (settings.TryGetValue(key, out var value)) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            foreach (var configure in serviceOverrides) configure(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            File.Delete(databasePath + suffix);
        GC.SuppressFinalize(this);
    }
}
