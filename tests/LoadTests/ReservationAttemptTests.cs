using System.Net;
using System.Text;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.Tests.LoadTests;

/// <summary>A pool that draws answers a booking with 202 and an entry: the plain rush must not read that as a reservation.</summary>
public class ReservationAttemptTests
{
    private sealed class AnswersEntry : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.Accepted)
            {
                Content = new StringContent(
                    """{"poolId":"p1","patientId":"pt1","status":"entered","enteredAt":"2026-12-08T08:00:00Z","drawAt":"2026-12-08T08:01:00Z"}""",
                    Encoding.UTF8, "application/json"),
            });
    }

    [Fact]
    public async Task A202EntryIsCountedAsAnEntryAndNeverAcknowledged()
    {
        using var http = new HttpClient(new AnswersEntry()) { BaseAddress = new Uri("http://booking.test/") };
        var measurements = new RunMeasurements(TimeProvider.System, TimeProvider.System.GetTimestamp());
        var ledger = new AcknowledgementLedger();
        var attempt = new ReservationAttempt(new BookingServiceClient(http), measurements, ledger, RushScenario.Smoke.Behaviour);

        var (end, reservation) = await attempt.RunAsync("p1", "pt1", null, "key-1", TimeProvider.System.GetTimestamp(), CancellationToken.None);

        Assert.Equal(AttemptEnd.Entered, end);
        Assert.Null(reservation);
        Assert.Empty(ledger.Acknowledgements);
        Assert.Equal(1, measurements.Outcomes.Count(RequestKind.Reserve, new RequestOutcome(202, "")));
    }

    /// <summary>Takes the request and never answers, as a service still working on it when the visit is cancelled.</summary>
    private sealed class NeverAnswers : HttpMessageHandler
    {
        public TaskCompletionSource Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Received.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable");
        }
    }

    [Fact]
    public async Task APressCutOffInFlightIsAnOutcomeUnknownNeitherAnErrorNorAnAcknowledgement()
    {
        var service = new NeverAnswers();
        using var http = new HttpClient(service) { BaseAddress = new Uri("http://booking.test/") };
        var measurements = new RunMeasurements(TimeProvider.System, TimeProvider.System.GetTimestamp());
        var ledger = new AcknowledgementLedger();
        var attempt = new ReservationAttempt(new BookingServiceClient(http), measurements, ledger, RushScenario.Smoke.Behaviour);
        using var drain = new CancellationTokenSource();

        var pressing = attempt.RunAsync("p1", "pt1", null, "key-1", TimeProvider.System.GetTimestamp(), drain.Token);
        await service.Received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await drain.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pressing.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, measurements.CutOff.Count(RequestKind.Reserve));
        Assert.Equal(0, measurements.TotalRequests);
        Assert.Equal(0, measurements.ErrorRequests);
        Assert.Empty(ledger.Acknowledgements);
    }
}
