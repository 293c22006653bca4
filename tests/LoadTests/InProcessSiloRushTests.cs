using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using OrleansBooking.LoadTests;
using OrleansBooking.LoadTests.Hosting;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Provisioning;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>
/// The real silo in process on its own SQLite file and the real clock (a rush needs its release
/// to come), driven by the suite through TestServer: the smoke rush must pass verification on
/// both engines. The silo gets exactly the settings <c>--start-silo</c> gives one, admin included,
/// so the suite signs in and books through real accounts and authorisation.
/// </summary>
public sealed class InProcessSiloRushTests : IAsyncDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"orleansbooking-rush-{Guid.NewGuid():N}.db");
    private readonly AdminCredentials _admin = new(LoadTestSiloSettings.DefaultAdminLogin, RandomPassword.New());
    private WebApplicationFactory<Program>? _silo;

    private HttpClient StartSilo(string engine)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:ConnectionString"] = $"Data Source={_databasePath}",
            ["Booking:Engine"] = engine,
            ["Booking:SeedDemoHospital"] = "false",
        };
        foreach (var (key, value) in LoadTestSiloSettings.Configuration(_admin)) settings[key] = value;
        _silo = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
            // The cluster section is read while the builder is set up; only host settings reach it that early.
            foreach (var key in new[] { "Cluster:SiloPort", "Cluster:GatewayPort" }) builder.UseSetting(key, settings[key]);
        });
        return _silo.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null) await _silo.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            File.Delete(_databasePath + suffix);
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("conventional")]
    public async Task TheSmokeRushKeepsEveryInvariant(string engine)
    {
        using var http = StartSilo(engine);

        // Half the patients who book cancel 100 ms later, so DELETE is exercised on every run.
        var scenario = RushScenario.Smoke with { Behaviour = RushScenario.Smoke.Behaviour with { CancelRatio = 0.5 } };

        var result = await new RushRunner(http, scenario) { Admin = _admin }.RunAsync();

        var m = result.Measurements;
        string seen = "responses: " + string.Join(", ", m.Outcomes.Snapshot().Select(o => $"{o.Kind} {o.Outcome} ×{o.Count}"));
        Assert.True(result.Verification.Passed, "violations: " + string.Join("; ", result.Verification.Violations));
        int cancelled = result.Ledger.Acknowledgements.Count(a => result.Ledger.CancellationOf(a.ReservationId) == true);
        // Numbers given back late in the run may stay free; every other acknowledged number must be held.
        Assert.Equal(result.Verification.Acknowledgements - cancelled, result.Verification.ActiveReservations);
        Assert.True(result.Verification.ActiveReservations is >= 1 and <= 20, $"expected 1–20 active reservations, found {result.Verification.ActiveReservations}; {seen}");
        Assert.True(m.ErrorRequests == 0, $"expected no errors (a 401 or patient_not_found would be one); {seen}");
        Assert.Equal(scenario.Patients, result.PatientSignIn.Patients);
        Assert.True(m.Outcomes.Count(RequestKind.Reserve, o => o.Code == "sold_out") > 0, $"the pools should have sold out; {seen}");
        Assert.True(m.Outcomes.Count(RequestKind.Cancel, o => o.IsSuccess) > 0, $"some patients should have cancelled; {seen}");
        Assert.Null(result.Session.Fault);
    }
}
