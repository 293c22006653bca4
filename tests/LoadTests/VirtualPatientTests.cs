using Microsoft.Extensions.Time.Testing;
using OrleansBooking.LoadTests.Comparison;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>
/// Virtual patients' behaviour, one visit at a time against <see cref="FakeBookingService"/>. The
/// service here predates accounts, so these tests are about behaviour alone; tokens are the rush tests' concern.
/// </summary>
public sealed class VirtualPatientTests : IDisposable
{
    private readonly FakeBookingService _service;
    private readonly HttpClient _http;
    private readonly BookingServiceClient _client;
    private readonly RunMeasurements _measurements = new(TimeProvider.System, TimeProvider.System.GetTimestamp());
    private readonly AcknowledgementLedger _ledger = new();

    public VirtualPatientTests() : this(new FakeBookingService { SignInRequired = false }) { }

    private VirtualPatientTests(FakeBookingService service)
    {
        _service = service;
        _http = new HttpClient(service) { BaseAddress = new Uri("http://booking.test/") };
        _client = new BookingServiceClient(_http);
    }

    public void Dispose() => _http.Dispose();

    private Task<List<ProvisionedPool>> CreatePoolsAsync(params int[] quotas) => CreatePoolsAsync(DateTimeOffset.UtcNow.AddMinutes(-1), quotas);

    private async Task<List<ProvisionedPool>> CreatePoolsAsync(DateTimeOffset releaseAt, params int[] quotas)
    {
        var pools = new List<ProvisionedPool>();
        for (int i = 0; i < quotas.Length; i++)
        {
            var call = await _client.CreatePoolAsync(new NewPool($"pool{i}", $"dr{i}", "2026-12-08", "morning", "08:00", 5, quotas[i], 50m,
                releaseAt), admin: null, CancellationToken.None);
            Assert.True(call.Outcome.IsSuccess, $"creating pool{i}: {call.Outcome}");
            pools.Add(new ProvisionedPool($"pool{i}", $"dr{i}", "2026-12-08", quotas[i]));
        }
        return pools;
    }

    [Fact]
    public async Task TransientFailuresAreRetriedWithTheSameIdempotencyKey()
    {
        using var overloaded = new VirtualPatientTests(new FakeBookingService { SignInRequired = false, OverloadFirst = 2 });
        await overloaded.CreatePoolsAsync(5);
        var attempt = new ReservationAttempt(overloaded._client, overloaded._measurements, overloaded._ledger,
            new PatientBehaviour { BackoffBase = TimeSpan.FromMilliseconds(1) });

        var (end, reservation) = await attempt.RunAsync("pool0", "ann", patient: null, "key-ann", TimeProvider.System.GetTimestamp(), CancellationToken.None);

        Assert.Equal(AttemptEnd.Booked, end);
        Assert.Equal("ann", reservation?.PatientId);
        Assert.Equal(["key-ann", "key-ann", "key-ann"], overloaded._service.IdempotencyKeys);
        Assert.Equal(2, overloaded._measurements.Outcomes.Count(RequestKind.Reserve, new RequestOutcome(503, "overloaded")));
        Assert.Single(overloaded._ledger.Acknowledgements);
    }

    [Fact]
    public async Task APatientWhoPressesBeforeTheReleaseWaitsForItAndPressesAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var early = new VirtualPatientTests(new FakeBookingService { SignInRequired = false, Clock = clock });
        var releaseAt = clock.GetUtcNow().AddSeconds(2);
        await early.CreatePoolsAsync(releaseAt, 5);
        var measurements = new RunMeasurements(clock, clock.GetTimestamp());
        var attempt = new ReservationAttempt(early._client, measurements, early._ledger, new PatientBehaviour());

        var pressing = attempt.RunAsync("pool0", "ann", patient: null, "key-ann", clock.GetTimestamp(), CancellationToken.None);
        // The first press is answered not_released at once; the patient then waits on the (fake) clock.
        for (int ms = 0; ms < 5_000 && !pressing.IsCompleted; ms++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }
        var (end, _) = await pressing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(AttemptEnd.Booked, end);
        Assert.Equal(1, measurements.Outcomes.Count(RequestKind.Reserve, new RequestOutcome(409, ProblemCodes.NotReleased)));
        Assert.Equal(2, early._service.ReservationRequests);
        Assert.True(clock.GetUtcNow() >= releaseAt, "the second press must come after the release");
    }

    [Fact]
    public async Task APatientGivesUpAfterTheLastRetry()
    {
        using var overloaded = new VirtualPatientTests(new FakeBookingService { SignInRequired = false, OverloadFirst = 100 });
        await overloaded.CreatePoolsAsync(5);
        var attempt = new ReservationAttempt(overloaded._client, overloaded._measurements, overloaded._ledger,
            new PatientBehaviour { MaxRetries = 3, BackoffBase = TimeSpan.FromMilliseconds(1) });

        var (end, _) = await attempt.RunAsync("pool0", "ann", patient: null, "key-ann", TimeProvider.System.GetTimestamp(), CancellationToken.None);

        Assert.Equal(AttemptEnd.GaveUp, end);
        Assert.Equal(4, overloaded._service.ReservationRequests);
        Assert.Empty(overloaded._ledger.Acknowledgements);
    }

    [Fact]
    public async Task APatientMovesToTheNextDoctorAfterSoldOut()
    {
        var pools = await CreatePoolsAsync(1, 1);
        await _client.ReserveAsync("pool0", "early-bird", patient: null, "key-early", CancellationToken.None); // the famous doctor is gone
        // Exponent 30: every first choice is the famous doctor, so the visit must move on to pool1.
        var scenario = RushScenario.Smoke with { Popularity = 30, Behaviour = new PatientBehaviour { BrowseRatio = 0, CancelRatio = 0 } };
        var visit = new PatientVisit(new VisitContext(_client, _measurements, _ledger, pools, scenario, "run", PatientTokens.None));

        await visit.RunAsync(index: 0, TimeProvider.System.GetTimestamp(), CancellationToken.None);

        Assert.Equal(1, _measurements.Outcomes.Count(RequestKind.Reserve, new RequestOutcome(409, ProblemCodes.SoldOut)));
        Assert.Equal("pool1", Assert.Single(_ledger.Acknowledgements).PoolId);
        Assert.Equal(1, _measurements.Journeys.Count(JourneyEnd.Booked));
    }

    [Fact]
    public async Task APatientWhoFindsEveryDoctorSoldOutStopsAfterMaxChoices()
    {
        var pools = await CreatePoolsAsync(1, 1, 1, 1);
        foreach (var p in pools) await _client.ReserveAsync(p.PoolId, "early-" + p.PoolId, patient: null, "key-" + p.PoolId, CancellationToken.None);
        var scenario = RushScenario.Smoke with { Behaviour = new PatientBehaviour { BrowseRatio = 0, MaxChoices = 3 } };
        var visit = new PatientVisit(new VisitContext(_client, _measurements, _ledger, pools, scenario, "run", PatientTokens.None));

        await visit.RunAsync(index: 7, TimeProvider.System.GetTimestamp(), CancellationToken.None);

        Assert.Equal(3, _measurements.Outcomes.Count(RequestKind.Reserve, new RequestOutcome(409, ProblemCodes.SoldOut)));
        Assert.Equal(1, _measurements.Journeys.Count(JourneyEnd.SoldOutEverywhere));
    }

    [Fact]
    public void TheHotPoolLegTakesTheCrowdItIsGivenOrANewPatientForEveryNumberAndThenSome()
    {
        Assert.Equal(20_000, CompareRunner.HotPoolScenario(RushScenario.Smoke.Load, numbers: 1_000, patients: 20_000).Patients);
        Assert.Equal(1_200, CompareRunner.HotPoolScenario(RushScenario.Smoke.Load, numbers: 1_000).Patients);
    }

    [Fact]
    public async Task HotPoolBookingFillsOnePoolAfterAnother()
    {
        var pools = await CreatePoolsAsync(5, 5, 5);
        var scenario = CompareRunner.HotPoolScenario(RushScenario.Smoke.Load, numbers: 15);
        var booking = new HotPoolBooking(new VisitContext(_client, _measurements, _ledger, pools, scenario, "cmp", PatientTokens.None));

        for (int i = 0; i < 20; i++) await booking.RunAsync(i, TimeProvider.System.GetTimestamp(), CancellationToken.None);

        Assert.True(booking.Exhausted, "all three pools should be sold out");
        Assert.Equal(15, _measurements.Journeys.Count(JourneyEnd.Booked));
        Assert.Equal(5, _measurements.Journeys.Count(JourneyEnd.SoldOutEverywhere));
        // Patients 0–4 fill pool0, 5–9 pool1, 10–14 pool2: one hot pool at a time.
        Assert.All(_ledger.Acknowledgements, a => Assert.Equal($"pool{int.Parse(a.PatientId[6..]) / 5}", a.PoolId));
        var readback = await PoolReader.ReadAsync(_client, new AdminSession(_client, null), pools.Select(p => (p.PoolId, (string?)p.Date)), TimeProvider.System, CancellationToken.None);
        Assert.True(BookingVerifier.Verify(readback, _ledger).Passed);
    }
}
