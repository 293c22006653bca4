using OrleansBooking.LoadTests;
using OrleansBooking.LoadTests.Arrivals;
using OrleansBooking.LoadTests.Cli;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Reports;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>
/// The whole rush pipeline against <see cref="FakeBookingService"/>, in-process, on the real clock
/// for half a second of arrivals (the pacer's own timing is tested on a fake clock elsewhere). The
/// fake wants tokens as the real service does, so every run signs in as its admin and its patients.
/// </summary>
public class RushRunnerTests
{
    private static RushScenario SmallRush(int numbers = 20) => RushScenario.Smoke with
    {
        Numbers = numbers,
        ReleaseIn = TimeSpan.Zero,
        Behaviour = RushScenario.Smoke.Behaviour with { CancelRatio = 0 },
    };

    private static readonly AdminCredentials Admin = new(FakeAccounts.AdminLogin, FakeAccounts.AdminPassword);

    private static async Task<RushResult> RunAsync(FakeBookingService service, RushScenario scenario, AdminCredentials? admin = null)
    {
        using var http = new HttpClient(service) { BaseAddress = new Uri("http://booking.test/") };
        return await new RushRunner(http, scenario) { Admin = admin ?? Admin }.RunAsync();
    }

    [Fact]
    public async Task ARushAgainstACorrectServiceSellsOutAndPassesVerification()
    {
        var result = await RunAsync(new FakeBookingService { OverloadFirst = 3 }, SmallRush());

        var m = result.Measurements;
        Assert.True(result.Verification.Passed, string.Join("; ", result.Verification.Violations));
        Assert.Null(result.Session.Fault);
        Assert.Equal(200, m.Arrivals.Scheduled);
        Assert.Equal(20, result.Verification.ActiveReservations);
        Assert.Equal(20, result.Verification.Acknowledgements);
        Assert.Equal(20, m.Outcomes.Count(RequestKind.Reserve, new RequestOutcome(201, "")));
        // Three 503s cannot exhaust one patient's four retries, so nobody gives up.
        Assert.Equal(3, m.Outcomes.Count(RequestKind.Reserve, new RequestOutcome(503, "overloaded")));
        Assert.True(m.Outcomes.Count(RequestKind.Reserve, new RequestOutcome(409, "sold_out")) > 0, "late-comers should see sold_out");
        Assert.True(m.Outcomes.Count(RequestKind.Browse, o => o.IsSuccess) > 0, "browse traffic should be mixed in");
        Assert.Equal(0, m.Journeys.Count(JourneyEnd.GaveUpAfterErrors));
    }

    [Fact]
    public async Task TheSmokeRushCancelsSomeNumbersAndStillPassesVerification()
    {
        var result = await RunAsync(new FakeBookingService(), RushScenario.Smoke);

        var m = result.Measurements;
        Assert.True(result.Verification.Passed, string.Join("; ", result.Verification.Violations));
        Assert.True(m.Outcomes.Count(RequestKind.Cancel, o => o.IsSuccess) > 0, "some patients should have cancelled");
        // The fake lets only the patient who booked cancel: a cancellation sent with the wrong token fails.
        Assert.Equal(0, m.Outcomes.Count(RequestKind.Cancel, o => !o.IsSuccess));
        Assert.True(result.Verification.Acknowledgements > result.Verification.ActiveReservations,
            $"cancelled numbers should have been booked again: {result.Verification.Acknowledgements} acknowledged, {result.Verification.ActiveReservations} active");
    }

    [Fact]
    public async Task TheRunRegistersItsPatientsBeforeTheRelease()
    {
        var service = new FakeBookingService();

        var result = await RunAsync(service, SmallRush() with { Patients = 25_000 });

        Assert.Equal(25_000, service.Patients.Count);
        Assert.Contains(result.RunId + "-pt24999", service.Patients);
        Assert.Equal(0, result.Measurements.Outcomes.Count(RequestKind.Reserve, o => o.Code == "patient_not_found"));
        Assert.True(result.Verification.Passed, string.Join("; ", result.Verification.Violations));
    }

    [Fact]
    public async Task PatientsOnFileBeyondTheCrowdAreRegisteredButOnlyTheCrowdSignsIn()
    {
        var service = new FakeBookingService();
        var scenario = SmallRush() with { Patients = 150, RegisteredPatients = 12_000 };

        var result = await RunAsync(service, scenario);

        Assert.Equal(12_000, service.Patients.Count);
        Assert.Contains(result.RunId + "-pt11999", service.Patients);
        Assert.Equal(150, service.Accounts.PatientSignIns);
        Assert.Equal(150, result.PatientSignIn.Patients);
        Assert.Equal(12_000, result.Provisioning!.PatientsOnFile);
        Assert.True(result.Verification.Passed, string.Join("; ", result.Verification.Violations));
    }

    [Fact]
    public async Task WatchingMemoryOfAServiceWithoutMetricsReportsNoMemoryAndStillVerifies()
    {
        var service = new FakeBookingService();
        using var http = new HttpClient(service) { BaseAddress = new Uri("http://booking.test/") };

        var result = await new RushRunner(http, SmallRush()) { Admin = Admin, WatchMemory = true, MetricsHttp = http }.RunAsync();

        Assert.Null(result.Memory);
        Assert.Empty(result.MemorySamples);
        Assert.Equal(20, result.Verification.ActiveReservations);
    }

    [Fact]
    public async Task AWatchedRushReportsTheSilosMemoryFromBeforeTheReleaseToTheEnd()
    {
        var service = new FakeBookingService { ExportsMemory = true };
        using var http = new HttpClient(service) { BaseAddress = new Uri("http://booking.test/") };

        var result = await new RushRunner(http, SmallRush()) { Admin = Admin, WatchMemory = true, MetricsHttp = http }.RunAsync();

        var memory = result.Memory!;
        // The fake counts a pool once created and a patient once booked, at 1 MB each.
        int booked = result.Ledger.Acknowledgements.Select(a => a.PatientId).Distinct().Count();
        Assert.Equal(4, memory.PeakPoolActivations);
        Assert.Equal(booked, memory.PeakPatientActivations);
        Assert.Equal((4L + booked) << 20, memory.CrowdEnd!.WorkingSetBytes);
        Assert.True(result.MemorySamples[0].At < result.ReleaseAt, "the first sample should come before the release");
        var tables = RushSummary.Tables(result);
        Assert.Contains(tables, t => t.Title.StartsWith("Silo memory", StringComparison.Ordinal));
        Assert.Contains(tables, t => t.Title == "Scale");
    }

    [Fact]
    public async Task EveryPatientSignsInBeforeTheReleaseAndBooksWithItsOwnToken()
    {
        var service = new FakeBookingService();
        var scenario = SmallRush();

        var result = await RunAsync(service, scenario);

        Assert.Equal(scenario.Patients, service.Accounts.PatientSignIns);
        Assert.True(service.PatientSignInsBeforeFirstReservation == scenario.Patients,
            $"every patient should have signed in before the first reservation; {service.PatientSignInsBeforeFirstReservation} had");
        Assert.Equal(scenario.Patients, result.PatientSignIn.Patients);
        // The fake answers 401 without a token and patient_not_found for another account's patient.
        var refused = result.Measurements.Outcomes.Snapshot().Where(o => o.Outcome.Status is 401 or 403 || o.Outcome.Code == "patient_not_found").ToList();
        Assert.True(refused.Count == 0, "refused for their token: " + string.Join(", ", refused.Select(o => $"{o.Kind} {o.Outcome} ×{o.Count}")));
        Assert.Equal(20, result.Verification.ActiveReservations);
    }

    [Fact]
    public async Task AServiceFromBeforeAccountsIsRushedWithoutTokens()
    {
        var service = new FakeBookingService { SignInRequired = false, RequireRegisteredPatients = true };

        var result = await RunAsync(service, SmallRush(), admin: null);

        Assert.Equal(0, result.PatientSignIn.Patients);
        Assert.Equal(0, service.Accounts.PatientSignIns);
        Assert.Equal(20, result.Verification.ActiveReservations);
        Assert.True(result.Verification.Passed, string.Join("; ", result.Verification.Violations));
    }

    [Fact]
    public async Task AWrongAdminPasswordStopsTheRunBeforeAnythingIsProvisioned()
    {
        var service = new FakeBookingService();
        var wrong = new AdminCredentials(FakeAccounts.AdminLogin, "not-the-password");

        var e = await Assert.ThrowsAsync<AdminAccessException>(() => RunAsync(service, SmallRush(), wrong));

        Assert.Contains("wrong login or password", e.Message);
        Assert.Empty(service.Patients);
    }

    [Fact]
    public void RunIdsMakePatientIdsThatAreValidLogins()
    {
        var login = new System.Text.RegularExpressions.Regex("^[a-z][a-z0-9._-]{2,63}$");

        string newest = RushRunner.PatientIdPrefix(RushRunner.NewRunId("conventional")) + 219_999;
        string handMade = RushRunner.PatientIdPrefix("Rush-20261122T080000-4F2A") + 0;

        Assert.True(login.IsMatch(newest), $"'{newest}' is not a valid login");
        Assert.Equal("rush-20261122t080000-4f2a-pt0", handMade);
    }

    [Fact]
    public async Task AnOversellingServiceFailsVerification()
    {
        var result = await RunAsync(new FakeBookingService { OversellBy = 2 }, SmallRush(numbers: 4));

        Assert.Contains(result.Verification.Violations, v => v.Kind == ViolationKind.PoolOverQuota);
    }

    [Fact]
    public async Task AServiceThatLosesAcknowledgedReservationsFailsVerification()
    {
        var result = await RunAsync(new FakeBookingService { LoseEvery = 3 }, SmallRush());

        Assert.Contains(result.Verification.Violations, v => v.Kind == ViolationKind.AcknowledgementMissing);
    }

    [Fact]
    public async Task ReportsAreWrittenAndThresholdsJudgeTheRun()
    {
        var result = await RunAsync(new FakeBookingService(), SmallRush());
        string root = Path.Combine(Path.GetTempPath(), "rush-report-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var verdict = Verdict.Of(new Thresholds(MaxP99Ms: 0.000001, MaxErrorRate: 1), result.Measurements, result.MainKind,
                result.Session, result.Verification);
            var console = new StringWriter();
            string folder = RushReports.Write(result, verdict, root, console);

            Assert.Equal(ExitCodes.ThresholdBreached, ExitCodes.For(verdict));
            Assert.StartsWith("p99 ≤ 0 ms (--max-p99-ms): FAIL — ", verdict.Lines[0].ToString());
            Assert.Contains(verdict.Lines, l => l.ToString() == "error rate ≤ 100 % (--max-error-rate): PASS — 0.00 %");
            // The console ends with the verdict; the Markdown carries the same lines.
            Assert.EndsWith(verdict.ToConsole(), console.ToString());
            string markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
            Assert.All(verdict.Lines, l => Assert.Contains($"- {l}\n", markdown));
            Assert.Contains("| reserve, first 5 s |", markdown);
            string html = File.ReadAllText(Path.Combine(folder, "report.html"));
            foreach (var chart in new[] { "Throughput per second", "Latency per second", "Requests in flight", "Outcomes per second" })
                Assert.True(html.Contains($">{chart}"), $"report.html has no chart titled '{chart}…'");
            foreach (var file in new[] { "report.md", "report.html", "seconds.csv", "outcomes.csv", "acknowledgements.csv", "pools.csv", "violations.csv" })
                Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} missing from {folder}");
            var ledger = CsvFiles.ReadAcknowledgements(Path.Combine(folder, CsvFiles.Acknowledgements));
            Assert.Equal(result.Ledger.Acknowledgements.OrderBy(a => a.IdempotencyKey), ledger.Acknowledgements.OrderBy(a => a.IdempotencyKey));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
