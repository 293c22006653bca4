using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.LoadTests.Lottery;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Workload;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>The draw's patient presses "book" as the rush's does; a 202 is an entry, a 201 a booking.</summary>
public sealed class DrawingPatientVisitTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(TestClocks.DefaultStart);
    private readonly ScriptedPools _service;
    private readonly HttpClient _http;
    private readonly RunMeasurements _measurements;
    private readonly AcknowledgementLedger _acknowledgements = new();
    private readonly DrawLedger _draws = new();
    private readonly DrawingPatientVisit _visit;

    public DrawingPatientVisitTests()
    {
        _service = new ScriptedPools(_clock);
        _http = new HttpClient(_service) { BaseAddress = new Uri("http://booking.test/") };
        _measurements = new RunMeasurements(_clock, _clock.GetTimestamp());
        // Exponent 30: the first choice is always pool0, the next pool1.
        var scenario = RushScenario.Smoke with
        {
            Popularity = 30,
            Behaviour = new PatientBehaviour { BrowseRatio = 0, CancelRatio = 0, MaxChoices = 2, BackoffBase = TimeSpan.FromMilliseconds(10) },
        };
        var pools = new List<ProvisionedPool> { new("pool0", "dr0", "2026-12-08", 5), new("pool1", "dr1", "2026-12-08", 5) };
        var context = new VisitContext(new BookingServiceClient(_http), _measurements, _acknowledgements, pools, scenario, "run", PatientTokens.None);
        _visit = new DrawingPatientVisit(context, new LotteryBehaviour(), _draws);
    }

    public void Dispose() => _http.Dispose();

    private Task RunVisitAsync(long intendedTimestamp) => _clock.StepUntilDoneAsync(_visit.RunAsync(index: 0, intendedTimestamp, CancellationToken.None));

    [Fact]
    public async Task TheFirstPressIsMeasuredFromTheArrivalsIntendedStart()
    {
        _service.Answers("pool0", ScriptedPools.Entry);
        long intended = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromMilliseconds(50)); // the arrival was handed over late

        await RunVisitAsync(intended);

        Assert.True(_measurements.Latency(RequestKind.Reserve).Max >= 50_000,
            $"reserve latency {_measurements.Latency(RequestKind.Reserve).Max} µs, but the press was due 50 ms before it was sent");
    }

    [Fact]
    public async Task An503IsPressedAgainWithTheSameKeyAndTheEntryGoesToTheDrawLedgerOnly()
    {
        _service.Answers("pool0", ScriptedPools.Overloaded, ScriptedPools.Entry);

        await RunVisitAsync(_clock.GetTimestamp());

        Assert.Equal(["run-0-0", "run-0-0"], _service.Keys);
        Assert.Equal("pool0", Assert.Single(_draws.Entries).PoolId);
        Assert.Empty(_acknowledgements.Acknowledgements);
        Assert.Equal(1, _measurements.Journeys.Count(JourneyEnd.Booked)); // "my draws" shows the entry won
    }

    [Fact]
    public async Task AfterTheWindowASoldOutDoctorSendsThePatientToTheNextWhoseBookingIsAcknowledged()
    {
        _service.Answers("pool0", ScriptedPools.SoldOut);
        _service.Answers("pool1", ScriptedPools.Booked);

        await RunVisitAsync(_clock.GetTimestamp());

        Assert.Equal("pool1", Assert.Single(_acknowledgements.Acknowledgements).PoolId);
        Assert.Empty(_draws.Entries);
        Assert.Equal(1, _measurements.Journeys.Count(JourneyEnd.Booked));
    }

    /// <summary>Answers each pool's reservation requests from a script, and "my draws" with every entry given as won.</summary>
    private sealed class ScriptedPools(TimeProvider clock) : HttpMessageHandler
    {
        public const string Entry = "entry", Booked = "booked", SoldOut = "sold_out", Overloaded = "overloaded";

        private readonly Dictionary<string, Queue<string>> _scripts = new();
        private readonly List<JsonObject> _entries = [];

        public List<string> Keys { get; } = [];

        public void Answers(string poolId, params string[] answers) => _scripts[poolId] = new Queue<string>(answers);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/api/account/lottery-entries")
                return Json(HttpStatusCode.OK, new JsonObject { ["entries"] = new JsonArray(_entries.Select(e => (JsonNode)e.DeepClone()).ToArray()) });
            var poolId = path.Split('/')[3];
            var patientId = JsonNode.Parse(await request.Content!.ReadAsStringAsync(ct))!["patientId"]!.GetValue<string>();
            Keys.Add(request.Headers.GetValues("Idempotency-Key").Single());
            var now = clock.GetUtcNow();
            switch (_scripts[poolId].Dequeue())
            {
                case Entry:
                    _entries.Add(new JsonObject
                    {
                        ["poolId"] = poolId, ["patientId"] = patientId, ["status"] = "won", ["enteredAt"] = now, ["drawAt"] = now, ["sequenceNumber"] = 1,
                    });
                    return Json(HttpStatusCode.Accepted, new JsonObject
                    {
                        ["poolId"] = poolId, ["patientId"] = patientId, ["status"] = "entered", ["enteredAt"] = now, ["drawAt"] = now,
                    });
                case Booked:
                    return Json(HttpStatusCode.Created, new JsonObject
                    {
                        ["reservationId"] = $"r-{poolId}", ["poolId"] = poolId, ["patientId"] = patientId, ["sequenceNumber"] = 1, ["status"] = "booked",
                    });
                case var code:
                    return Json(code == Overloaded ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.Conflict, new JsonObject { ["code"] = code });
            }
        }

        private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
            new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
    }
}
