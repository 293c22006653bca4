using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;

namespace OrleansBooking.LoadTests.Workload;

/// <summary>How one attempt at one pool ended, after its retries; <see cref="AttemptEnd.Entered"/> is a draw's entry (202), never a booking.</summary>
public enum AttemptEnd { Booked, Entered, SoldOut, AlreadyBooked, LimitReached, Closed, GaveUp, Other }

/// <summary>How an attempt ended, with the reservation of a 201 or the entry of a 202 (null when its body could not be read).</summary>
public readonly record struct AttemptResult(AttemptEnd End, Reservation? Reservation, DrawEntry? Entry = null)
{
    /// <summary>For the callers that book only and never meet a pool that draws.</summary>
    public void Deconstruct(out AttemptEnd end, out Reservation? reservation)
    {
        end = End;
        reservation = Reservation;
    }
}

/// <summary>
/// One patient pressing "book" on one pool until the service gives a definite answer: transient
/// failures (503, timeout, dropped connection) are retried with the same idempotency key after a
/// back-off, and a press before the release waits for the announced release. Every request is
/// measured from when it was meant to start; every 201 goes into the ledger (a 202 is a draw's entry, not a promise of a number). Each press carries the
/// patient's own token, as the patient's app would. The plain rush, its variants, compare's hot pool
/// and the draw's patient all press through here, so they behave alike.
/// </summary>
public sealed class ReservationAttempt
{
    private const int MaxReleaseWaits = 3;

    private readonly BookingServiceClient _client;
    private readonly RunMeasurements _measurements;
    private readonly AcknowledgementLedger _ledger;
    private readonly PatientBehaviour _behaviour;
    private readonly TimeProvider _clock;

    public ReservationAttempt(BookingServiceClient client, RunMeasurements measurements, AcknowledgementLedger ledger, PatientBehaviour behaviour)
    {
        _client = client;
        _measurements = measurements;
        _ledger = ledger;
        _behaviour = behaviour;
        _clock = measurements.Clock;
    }

    public async Task<AttemptResult> RunAsync(
        string poolId, string patientId, BearerToken? patient, string idempotencyKey, long intendedTimestamp, CancellationToken ct)
    {
        int retries = 0, releaseWaits = 0;
        long intended = intendedTimestamp;
        while (true)
        {
            ServiceCall<ReservationOrEntry> call;
            try
            {
                call = await _client.ReserveOrEnterAsync(poolId, patientId, patient, idempotencyKey, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Cut off in flight (the drain deadline): the service may have taken a number, but no 201 was
                // seen, so nothing is promised in the ledger and nothing counts as an error.
                _measurements.CutOff.Add(RequestKind.Reserve);
                throw;
            }
            _measurements.Record(RequestKind.Reserve, call.Outcome, intended);
            var outcome = call.Outcome;

            // Only a 201 is a reservation: a pool that draws answers 202 with an entry, which holds no number.
            if (outcome.Status == 202) return new AttemptResult(AttemptEnd.Entered, null, call.Body?.Entry);
            if (outcome.Status == 201 && call.Body is { Reservation: { } reservation })
            {
                _ledger.Acknowledge(new Acknowledgement(idempotencyKey, reservation.ReservationId, reservation.PoolId,
                    reservation.PatientId, reservation.SequenceNumber));
                return new AttemptResult(AttemptEnd.Booked, reservation);
            }
            if (outcome.IsTransient)
            {
                if (retries >= _behaviour.MaxRetries) return new AttemptResult(AttemptEnd.GaveUp, null);
                await Task.Delay(Backoff(retries++, call.RetryAfter), _clock, ct).ConfigureAwait(false);
                intended = _clock.GetTimestamp();
                continue;
            }
            switch (outcome.Code)
            {
                case ProblemCodes.SoldOut:
                    return new AttemptResult(AttemptEnd.SoldOut, null);
                case ProblemCodes.AlreadyBooked:
                    return new AttemptResult(AttemptEnd.AlreadyBooked, null);
                case ProblemCodes.LimitReached:
                    return new AttemptResult(AttemptEnd.LimitReached, null);
                case ProblemCodes.PoolClosed or ProblemCodes.PoolCancelled:
                    return new AttemptResult(AttemptEnd.Closed, null);
                case ProblemCodes.NotReleased when releaseWaits++ < MaxReleaseWaits:
                    // Early: wait for the announced release, as the app's countdown does, then press again a
                    // moment after it (people are not all equally quick, and a timer may wake a little early).
                    var wait = (call.ReleaseAt ?? _clock.GetUtcNow()) - _clock.GetUtcNow();
                    var reaction = TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50));
                    await Task.Delay(wait > TimeSpan.Zero ? wait + reaction : reaction, _clock, ct).ConfigureAwait(false);
                    intended = _clock.GetTimestamp();
                    continue;
                default:
                    return new AttemptResult(AttemptEnd.Other, null);
            }
        }
    }

    /// <summary>Exponential back-off with equal jitter (half fixed, half random), so retries do not return as one wave; Retry-After wins.</summary>
    private TimeSpan Backoff(int retry, TimeSpan? retryAfter)
    {
        var cap = _behaviour.BackoffCap;
        if (retryAfter is { } hinted && hinted > TimeSpan.Zero) return hinted < cap ? hinted : cap;
        double ceiling = Math.Min(cap.TotalMilliseconds, _behaviour.BackoffBase.TotalMilliseconds * Math.Pow(2, retry));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    /// <summary>How a visit ends when its last attempt ended so.</summary>
    public static JourneyEnd JourneyEndOf(AttemptEnd end) => end switch
    {
        AttemptEnd.Booked => JourneyEnd.Booked,
        AttemptEnd.SoldOut => JourneyEnd.SoldOutEverywhere,
        AttemptEnd.AlreadyBooked => JourneyEnd.AlreadyBooked,
        AttemptEnd.LimitReached => JourneyEnd.LimitReached,
        AttemptEnd.Closed => JourneyEnd.PoolClosed,
        AttemptEnd.GaveUp => JourneyEnd.GaveUpAfterErrors,
        _ => JourneyEnd.Other,
    };
}
