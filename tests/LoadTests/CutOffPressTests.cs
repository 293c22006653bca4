using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Payment;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Waitlist;
using OrleansBooking.LoadTests.Workload;
using OrleansBooking.Tests.Fakes;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>
/// A "pay" or "accept" cut off in flight at the drain deadline goes to its variant's ledger as
/// unknown, never as acknowledged, so the verifiers can let it go either way.
/// </summary>
public sealed class CutOffPressTests : IDisposable
{
    private const string Pool = "pool0";

    private readonly FakeTimeProvider _clock = new(TestClocks.DefaultStart);
    private readonly UnansweredPress _service;
    private readonly HttpClient _http;
    private readonly RunMeasurements _measurements;
    private readonly AcknowledgementLedger _acknowledgements = new();
    private readonly VisitContext _context;

    public CutOffPressTests()
    {
        _service = new UnansweredPress(_clock);
        _http = new HttpClient(_service) { BaseAddress = new Uri("http://booking.test/") };
        _measurements = new RunMeasurements(_clock, _clock.GetTimestamp());
        var scenario = RushScenario.Smoke with
        {
            Behaviour = new PatientBehaviour { BrowseRatio = 0, CancelRatio = 0, MaxChoices = 1, BackoffBase = TimeSpan.FromMilliseconds(10) },
        };
        var pools = new List<ProvisionedPool> { new(Pool, "dr0", "2026-12-08", 5) };
        _context = new VisitContext(new BookingServiceClient(_http), _measurements, _acknowledgements, pools, scenario, "run", PatientTokens.None);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task APayCutOffInFlightIsUnknownInThePaymentLedgerNeverPaid()
    {
        _service.Reserve = UnansweredPress.Hold;
        var ledger = new PaymentLedger();
        var visit = new PayingPatientVisit(_context, new PaymentBehaviour { AbandonRatio = 0, FailRatio = 0, PayAfter = TimeSpan.Zero }, ledger);

        await CutOffAtThePressAsync(visit.RunAsync, "/pay");

        var hold = Assert.Single(ledger.Holds);
        Assert.Equal(PayOutcome.Unknown, hold.Pay);
        Assert.False(hold.PaidAtProvider);
        // The hold may run out if the press never took: the rush's check allows it held or given back.
        Assert.False(_acknowledgements.CancellationOf(hold.ReservationId));
        Assert.Equal(1, _measurements.CutOff.Count(RequestKind.Payment));
    }

    [Fact]
    public async Task AnAcceptCutOffInFlightIsUnknownInTheWaitlistLedgerNeverAccepted()
    {
        _service.Reserve = UnansweredPress.SoldOut;
        var ledger = new WaitlistLedger();
        var behaviour = new WaitlistBehaviour { JoinRatio = 1, CancelRatio = 0, DeclineRatio = 0, LapseRatio = 0, LookEvery = TimeSpan.FromMilliseconds(1) };
        var visit = new WaitingPatientVisit(_context, behaviour, ledger);

        await CutOffAtThePressAsync(visit.RunAsync, "/accept");

        var offer = Assert.Single(ledger.Offers);
        Assert.Equal(OfferAnswer.Unknown, offer.Answer);
        Assert.Null(offer.ReservationId);
        // Taken or not, the number is the patient's alone until the offer's own end.
        Assert.Equal(UnansweredPress.OfferEnds(TestClocks.DefaultStart), offer.PendingUntil);
        Assert.Empty(_acknowledgements.Acknowledgements);
        Assert.Equal(1, _measurements.CutOff.Count(RequestKind.Waitlist));
    }

    /// <summary>Runs the visit until the press ending in <paramref name="pressPath"/> is sent, then cancels it as the drain deadline does.</summary>
    private async Task CutOffAtThePressAsync(Func<long, long, CancellationToken, Task> run, string pressPath)
    {
        using var drain = new CancellationTokenSource();
        _service.PressPath = pressPath;
        var visiting = run(0, _clock.GetTimestamp(), drain.Token);
        for (int step = 0; step < 10_000 && !_service.Pressed.Task.IsCompleted && !visiting.IsCompleted; step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }
        await _service.Pressed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await drain.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => visiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>Answers everything a paying or waiting patient asks, except the press named by <see cref="PressPath"/>, which hangs until cancelled.</summary>
    private sealed class UnansweredPress(TimeProvider clock) : HttpMessageHandler
    {
        public const string Hold = "hold", SoldOut = "sold_out";
        private static readonly string SandboxId = "sbx" + new string('a', 32);

        public string Reserve { get; set; } = Hold;
        public string PressPath { get; set; } = "";
        public TaskCompletionSource Pressed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static DateTimeOffset OfferEnds(DateTimeOffset start) => start.AddMinutes(1);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith(PressPath, StringComparison.Ordinal))
            {
                Pressed.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
            var now = clock.GetUtcNow();
            if (path == $"/api/pools/{Pool}/reservations")
                return Reserve == SoldOut
                    ? Json(HttpStatusCode.Conflict, new JsonObject { ["code"] = "sold_out" })
                    : Json(HttpStatusCode.Created, new JsonObject
                    {
                        ["reservationId"] = "r-1", ["poolId"] = Pool, ["patientId"] = "pt", ["sequenceNumber"] = 1, ["status"] = "pending_payment",
                        ["payment"] = new JsonObject { ["feeFen"] = 5_000, ["holdExpiresAt"] = now.AddMinutes(1) },
                    });
            if (path == "/api/reservations/r-1/payment")
                return Json(HttpStatusCode.Created, new JsonObject
                {
                    ["paymentId"] = "pay-1", ["reservationId"] = "r-1", ["status"] = "created", ["amountFen"] = 5_000,
                    ["payUrl"] = $"/sandbox-pay/?payment={SandboxId}", ["holdExpiresAt"] = now.AddMinutes(1),
                });
            if (path.StartsWith($"/api/pools/{Pool}/waitlist", StringComparison.Ordinal))
                return Json(HttpStatusCode.OK, new JsonObject
                {
                    ["poolId"] = Pool, ["patientId"] = "pt", ["status"] = request.Method == HttpMethod.Get ? "offered" : "waiting",
                    ["offer"] = request.Method == HttpMethod.Get ? new JsonObject { ["sequenceNumber"] = 3, ["expiresAt"] = OfferEnds(TestClocks.DefaultStart) } : null,
                });
            throw new InvalidOperationException($"unexpected {request.Method} {path}");
        }

        private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
            new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
    }
}
