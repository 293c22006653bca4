using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Provisioning;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Service.Transport;
using OrleansBooking.LoadTests.SiloMemory;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests;

/// <summary>
/// One release rush against a running service, start to finish: sign in as the admin, register
/// the crowd and sign every patient in, create the pools released a little ahead, wait for the
/// release, let the crowd in, then read every pool back and verify.
/// Callable in-process (e.g. from an end-to-end test with a WebApplicationFactory client):
/// <c>var result = await new RushRunner(httpClient, RushScenario.Smoke) { Admin = admin }.RunAsync(ct);</c>
/// then assert <c>result.Verification.Passed</c> and look at <c>result.Measurements</c>.
/// </summary>
public sealed class RushRunner
{
    private readonly IServiceTransport _transport;
    private readonly RushScenario _scenario;
    private readonly TimeProvider _clock;
    private readonly TextWriter? _progress;

    /// <param name="transport">How requests reach the service (not disposed here); see <see cref="RawHttpTransport"/>.</param>
    /// <param name="progress">Where to print a line per second; null for silence.</param>
    public RushRunner(IServiceTransport transport, RushScenario scenario, TimeProvider? clock = null, TextWriter? progress = null)
    {
        scenario.Validate();
        _transport = transport;
        _scenario = scenario;
        _clock = clock ?? TimeProvider.System;
        _progress = progress;
    }

    /// <param name="http">A client whose BaseAddress is the service (not disposed here), e.g. an in-process test server's.</param>
    public RushRunner(HttpClient http, RushScenario scenario, TimeProvider? clock = null, TextWriter? progress = null)
        : this(new HttpClientTransport(http), scenario, clock, progress)
    {
    }

    /// <summary>A fresh id per run, e.g. <c>rush-20261122t080000-4f2a</c>, prefixing every pool and patient.</summary>
    public string RunId { get; init; } = NewRunId("rush");

    /// <summary>Who sets the run up and reads it back; null only for a service without accounts.</summary>
    public AdminCredentials? Admin { get; init; }

    /// <summary>What each arrival does; default <see cref="PatientVisit"/>, the rush's virtual patient.</summary>
    public Func<VisitContext, IArrivalWork> Visit { get; init; } = static context => new PatientVisit(context);

    /// <summary>
    /// How many requests the warm-up keeps in flight: at least the transport's connections, so that
    /// every connection is open before the release and none is opened in the release second.
    /// </summary>
    public int WarmupConcurrency { get; init; } = Warmup.DefaultConcurrency;

    /// <summary>A scenario with payment, the waitlist or the draw at work: its visit replaces <see cref="Visit"/>, its checks add to the rush's.</summary>
    public IRushVariant? Variant { get; init; }

    /// <summary>
    /// Read the silo's memory from its <c>/metrics</c> every second, from provisioning to the end
    /// (<c>--watch-memory</c>); off by default, so the plain rush is measured without the scrapes.
    /// </summary>
    public bool WatchMemory { get; init; }

    /// <summary>
    /// With <see cref="WatchMemory"/>: after the read-back, wait up to this long for the silo to
    /// deactivate the idle grains (Orleans' collection age), then sample once more. Zero skips it.
    /// </summary>
    public TimeSpan IdleFor { get; init; }

    /// <summary>
    /// The client <see cref="WatchMemory"/> reads <c>/metrics</c> with; default one connection of its
    /// own to the service, since a scrape queued behind the crowd's requests would miss the peak it is there to see.
    /// </summary>
    public HttpClient? MetricsHttp { get; init; }

    public async Task<RushResult> RunAsync(CancellationToken ct = default)
    {
        var client = new BookingServiceClient(_transport);
        var admin = new AdminSession(client, Admin);
        await admin.SignInAsync(ct).ConfigureAwait(false);
        using var ownMetricsHttp = WatchMemory && MetricsHttp is null
            ? TunedHttpClient.Create(_transport.BaseAddress, maxConnections: 1, requestTimeout: TimeSpan.FromSeconds(5))
            : null;
        var metricsHttp = MetricsHttp ?? ownMetricsHttp;
        await using var memory = WatchMemory ? new SiloMemoryWatch(new BookingServiceClient(metricsHttp!), _clock) : null;
        memory?.Start();
        // Registering and signing in a large crowd takes a while, so both come before the release is set.
        long registering = _clock.GetTimestamp();
        var tokens = await ProvisionPatientsAsync(client, admin, ct).ConfigureAwait(false);
        var patientsReady = _clock.GetElapsedTime(registering);
        var releaseAt = ReleaseInstant(_clock.GetUtcNow(), _scenario.ReleaseIn);
        _progress?.WriteLine($"Creating {_scenario.QuotaPerPool().Count:N0} pools ({_scenario.Numbers:N0} numbers) released at {releaseAt:HH:mm:ss}Z");
        long creating = _clock.GetTimestamp();
        var pools = await PoolProvisioner.CreateAsync(client, admin, _scenario, RunId, releaseAt, ct, _progress, Variant?.PoolLottery).ConfigureAwait(false);
        var provisioning = new ProvisioningTimes(_scenario.PatientsOnFile, patientsReady, pools.Count, _clock.GetElapsedTime(creating));
        _progress?.WriteLine($"  created {pools.Count:N0} pools in {provisioning.PoolCreation.TotalSeconds:0.0} s ({provisioning.PoolsPerSecond:N0}/s)");
        if (_clock.GetUtcNow() > releaseAt)
            _progress?.WriteLine($"  the release at {releaseAt:HH:mm:ss}Z passed while the pools were created: raise --release-in");

        _progress?.WriteLine($"Until the release the crowd refreshes pool pages and taps \"book\" early (warm-up, not measured); then {_scenario.Load.Describe()}");
        await WarmUpAsync(client, pools, tokens, releaseAt, ct).ConfigureAwait(false);
        var untilRelease = releaseAt - _clock.GetUtcNow();
        if (untilRelease > TimeSpan.Zero) await Task.Delay(untilRelease, _clock, ct).ConfigureAwait(false);

        var measurements = new RunMeasurements(_clock, _clock.GetTimestamp());
        var ledger = new AcknowledgementLedger();
        var context = new VisitContext(client, measurements, ledger, pools, _scenario, RunId, tokens);
        var visit = Variant is null ? Visit(context) : Variant.Visit(context);
        var session = await LoadSession.RunAsync(visit, _scenario.Load, measurements, _progress, ct).ConfigureAwait(false);
        if (Variant is not null)
        {
            try { await Variant.SettleAsync(_clock, _progress, ct).ConfigureAwait(false); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { /* stopped early: verified as it stands */ }
        }

        var crowdEnd = _clock.GetUtcNow();
        if (memory is not null) await memory.SampleAsync(CancellationToken.None).ConfigureAwait(false);

        _progress?.WriteLine("Reading every pool back to verify…");
        // Not cancellable: a run stopped early (Ctrl+C) is still verified and reported.
        var readAt = _clock.GetUtcNow();
        var readback = await PoolReader.ReadAsync(client, admin, pools.Select(p => (p.PoolId, (string?)p.Date)), _clock, CancellationToken.None)
            .ConfigureAwait(false);
        var verification = BookingVerifier.Verify(readback, ledger, _scenario.PatientDailyLimit);
        if (Variant is not null)
            verification = verification with
            {
                Violations = [.. verification.Violations, .. await Variant.VerifyAsync(client, admin, readback, readAt, CancellationToken.None).ConfigureAwait(false)],
            };
        MemoryReading? reading = null;
        if (memory is not null)
        {
            await memory.WaitForIdleCollectionAsync(crowdEnd, IdleFor, _progress, ct).ConfigureAwait(false);
            await memory.StopAsync().ConfigureAwait(false);
            await memory.SampleAsync(CancellationToken.None).ConfigureAwait(false);
            reading = MemoryReading.From(memory.Samples, releaseAt, crowdEnd);
            if (reading is null) _progress?.WriteLine("  the silo's /metrics has no memory figures (no System.Runtime meter): memory not reported");
        }
        return new RushResult(RunId, _transport.BaseAddress, _scenario, releaseAt, pools, measurements, ledger, session, verification, tokens.SignIn,
            Variant?.Summary())
        {
            Provisioning = provisioning,
            Memory = reading,
            MemorySamples = memory?.Samples ?? [],
        };
    }

    /// <summary>
    /// Registers the crowd with a password of this run's own and signs each patient in, keeping the
    /// tokens; a service without patient accounts gets unsigned patients instead.
    /// </summary>
    private async Task<PatientTokens> ProvisionPatientsAsync(BookingServiceClient client, AdminSession admin, CancellationToken ct)
    {
        string prefix = PatientIdPrefix(RunId);
        string password = RandomPassword.New();
        _progress?.WriteLine(_scenario.PatientsOnFile > _scenario.Patients
            ? $"Run {RunId}: registering {_scenario.PatientsOnFile:N0} patients, of whom the first {_scenario.Patients:N0} are the crowd"
            : $"Run {RunId}: registering {_scenario.Patients:N0} patients");
        long start = _clock.GetTimestamp();
        switch (await PatientProvisioner.RegisterAsync(client, admin, prefix, _scenario.PatientsOnFile, password, _progress, ct).ConfigureAwait(false))
        {
            case PatientRegistration.NotSupported:
                _progress?.WriteLine("  the service has no bulk patient registration; using unregistered patient ids without tokens");
                return PatientTokens.None;
            case PatientRegistration.WithoutAccounts:
                _progress?.WriteLine("  the service has no patient accounts; patients book without tokens");
                return PatientTokens.None;
        }
        _progress?.WriteLine($"  registered in {_clock.GetElapsedTime(start).TotalSeconds:0.0} s");
        _progress?.WriteLine($"Signing in {_scenario.Patients:N0} patients ({PatientSignIn.DefaultParallelism} at a time; not measured)");
        var tokens = await PatientSignIn.RunAsync(client, prefix, _scenario.Patients, password, _clock, _progress, ct).ConfigureAwait(false);
        var signIn = tokens.SignIn;
        _progress?.WriteLine(
            $"  signed in {signIn.Patients:N0} patients in {signIn.Elapsed.TotalSeconds:0.0} s ({signIn.PerSecond:N0}/s, {signIn.Retries:N0} retried)");
        return tokens;
    }

    /// <summary>
    /// Until shortly before the release the waiting crowd refreshes the doctor's page and taps "book"
    /// early, which the service answers not_released. Between them they run every part of the
    /// booking route but the commit (sign-in, the pool, the patient's grain and its records), so the
    /// release meets a process that has served bookings before, as a silo up since yesterday has;
    /// a silo started for the run would otherwise compile its booking path in the release second
    /// (measured: docs/benchmarks.md). Early taps stop a second before the release, so none can take
    /// a number; <c>--warmup 0</c> measures the cold process.
    /// </summary>
    private Task WarmUpAsync(
        BookingServiceClient client, IReadOnlyList<ProvisionedPool> pools, PatientTokens tokens, DateTimeOffset releaseAt, CancellationToken ct)
    {
        var quietBeforeRelease = TimeSpan.FromMilliseconds(300);
        var lastEarlyTap = releaseAt - TimeSpan.FromSeconds(1);
        var until = releaseAt - quietBeforeRelease - _clock.GetUtcNow();
        var duration = until < _scenario.Load.Warmup ? until : _scenario.Load.Warmup;
        var patientIdPrefix = PatientIdPrefix(RunId);
        return Warmup.RunAsync((i, token) =>
        {
            var pool = pools[(int)(i % pools.Count)].PoolId;
            if (i % 2 == 0 || _clock.GetUtcNow() >= lastEarlyTap) return client.GetPoolAsync(pool, token);
            var member = (int)(i / 2 % _scenario.Patients);
            return client.ReserveAsync(pool, patientIdPrefix + member, tokens.Of(member), $"{RunId}-early-{i}", token);
        }, WarmupConcurrency, duration, _clock, ct);
    }

    /// <summary>
    /// <paramref name="now"/> + <paramref name="releaseIn"/>, rounded up to a whole second (easy to
    /// read in logs) when the lead is a second or more; shorter leads, as in tests, are kept exact.
    /// </summary>
    public static DateTimeOffset ReleaseInstant(DateTimeOffset now, TimeSpan releaseIn)
    {
        var at = now.ToUniversalTime() + releaseIn;
        if (releaseIn < TimeSpan.FromSeconds(1)) return at;
        long rest = at.Ticks % TimeSpan.TicksPerSecond;
        return rest == 0 ? at : at.AddTicks(TimeSpan.TicksPerSecond - rest);
    }

    /// <summary>
    /// Patients of a run are <c>{run id}-pt0</c>, <c>{run id}-pt1</c>, …, in lower case: each patient id
    /// is also its account's login, and a login is a–z first, then a–z, 0–9, '.', '_' or '-'.
    /// </summary>
    public static string PatientIdPrefix(string runId) => runId.ToLowerInvariant() + "-pt";

    /// <summary>E.g. <c>rush-20261122t080000-4f2a</c>: all lower case, so the patient ids it prefixes are valid logins.</summary>
    public static string NewRunId(string prefix) =>
        $"{prefix}-{DateTime.UtcNow:yyyyMMdd't'HHmmss}-{Random.Shared.Next(0x10000):x4}".ToLowerInvariant();
}
