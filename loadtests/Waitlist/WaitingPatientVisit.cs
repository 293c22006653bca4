using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests.Waitlist;

/// <summary>
/// A patient of <c>rush --waitlist</c>: books as in the rush; some who booked cancel during the
/// crowd's minute, freeing numbers; some who found every doctor sold out join their first choice's
/// waitlist and look at their place every second, then accept the number offered, decline it, or
/// let it run out.
/// </summary>
public sealed class WaitingPatientVisit : IArrivalWork
{
    private readonly VisitContext _context;
    private readonly WaitlistBehaviour _waitlist;
    private readonly WaitlistLedger _ledger;
    private readonly DoctorChoices _choices;
    private readonly TimeProvider _clock;

    public WaitingPatientVisit(VisitContext context, WaitlistBehaviour waitlist, WaitlistLedger ledger)
    {
        _context = context;
        _waitlist = waitlist;
        _ledger = ledger;
        _clock = context.Measurements.Clock;
        _choices = new DoctorChoices(context);
    }

    public async Task RunAsync(long index, long intendedTimestamp, CancellationToken cancellationToken)
    {
        var (member, patientId, token, end, reservation, firstChoice) =
            await _choices.BookAsync(index, intendedTimestamp, cancellationToken).ConfigureAwait(false);

        var decide = new VisitDice(_context.Scenario.Load.Seed ^ 0x3A17, index);
        if (reservation is not null && decide.NextDouble() < _waitlist.CancelRatio)
        {
            await Task.Delay(_waitlist.CancelWithin * decide.NextDouble(), _clock, cancellationToken).ConfigureAwait(false);
            await PatientCancellation.RunAsync(_context, reservation, token, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (end != AttemptEnd.SoldOut || decide.NextDouble() >= _waitlist.JoinRatio) return;

        var joined = await Call(() => _context.Client.JoinWaitlistAsync(firstChoice.PoolId, patientId, token, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        if (!joined.Outcome.IsSuccess) return;
        _ledger.Join(firstChoice.PoolId, patientId, member);
        await WatchAsync(firstChoice.PoolId, patientId, token, $"{_context.RunId}-{index}-offer", decide.NextDouble(), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task WatchAsync(string poolId, string patientId, BearerToken? token, string acceptKey, double roll, CancellationToken ct)
    {
        var until = _clock.GetUtcNow() + _waitlist.WatchFor;
        while (_clock.GetUtcNow() < until)
        {
            await Task.Delay(_waitlist.LookEvery, _clock, ct).ConfigureAwait(false);
            var place = await Call(() => _context.Client.GetWaitlistPlaceAsync(poolId, patientId, token, ct), ct).ConfigureAwait(false);
            // Off the list without answering: the same patient's other visit (a second arrival) took or declined the offer.
            if (place.Outcome.Code == ProblemCodes.NotOnWaitlist) return;
            if (place.Body is not { Offer: { } offer }) continue;
            var seenAt = _clock.GetUtcNow();

            if (roll < _waitlist.LapseRatio)
            {
                _ledger.Offer(new OfferSeen(poolId, patientId, offer.SequenceNumber, seenAt, offer.ExpiresAt, OfferAnswer.LetLapse));
                return;
            }
            // The offer was still pending when the answer was sent; what happens to the number after is the answer's business.
            var answeredAt = _clock.GetUtcNow();
            if (roll < _waitlist.LapseRatio + _waitlist.DeclineRatio)
            {
                var declined = await Call(() => _context.Client.DeclineOfferAsync(poolId, patientId, token, ct), ct).ConfigureAwait(false);
                _ledger.Offer(new OfferSeen(poolId, patientId, offer.SequenceNumber, seenAt, answeredAt,
                    declined.Outcome.IsSuccess ? OfferAnswer.Declined : OfferAnswer.Refused));
                return;
            }
            ServiceCall<Reservation> accepted;
            try
            {
                accepted = await Call(() => _context.Client.AcceptOfferAsync(poolId, patientId, token, acceptKey, ct), ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Pressed and cut off unanswered: the number may be theirs now, or stay on offer to them until it runs
                // out. Unknown, not accepted (nothing acknowledged), and pending until the offer's own end.
                _ledger.Offer(new OfferSeen(poolId, patientId, offer.SequenceNumber, seenAt, offer.ExpiresAt, OfferAnswer.Unknown));
                throw;
            }
            if (accepted.Body is { } reservation)
                _context.Ledger.Acknowledge(new Acknowledgement(acceptKey, reservation.ReservationId, reservation.PoolId, reservation.PatientId,
                    reservation.SequenceNumber));
            _ledger.Offer(new OfferSeen(poolId, patientId, offer.SequenceNumber, seenAt, answeredAt,
                accepted.Body is null ? OfferAnswer.Refused : OfferAnswer.Accepted)
            {
                ReservationId = accepted.Body?.ReservationId,
                ReservedNumber = accepted.Body?.SequenceNumber,
            });
            return;
        }
    }

    private Task<ServiceCall<T>> Call<T>(Func<Task<ServiceCall<T>>> call, CancellationToken ct) where T : class =>
        PatientRetry.RunAsync(call, RequestKind.Waitlist, _context.Measurements, _context.Scenario.Behaviour, ct);
}
