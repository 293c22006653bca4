using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests.Lottery;

/// <summary>
/// A patient of <c>rush --lottery</c>: presses "book" at doctors by popularity as in the rush. In the
/// draw window the answer is an entry (202), not an error: the patient stops there, waits for the
/// draw time and looks at "my draws" every second until the entry shows its result. After the window
/// the numbers the draw left go first come, first served, and a sold-out doctor sends the patient to
/// the next, as in the rush.
/// </summary>
public sealed class DrawingPatientVisit(VisitContext context, LotteryBehaviour lottery, DrawLedger ledger) : IArrivalWork
{
    private const int MaxReleaseWaits = 3;

    private readonly PoolCatalogue _catalogue = new(context.Pools, context.Scenario.Popularity);
    private readonly TimeProvider _clock = context.Measurements.Clock;

    public async Task RunAsync(long index, long intendedTimestamp, CancellationToken cancellationToken)
    {
        var (dice, _, patientId, token) = DoctorChoices.Arrival(context, index);
        var tried = new int[Math.Min(context.Scenario.Behaviour.MaxChoices, _catalogue.Pools.Count)];
        var end = AttemptEnd.SoldOut;
        DrawEntry? entry = null;
        for (int choices = 0; choices < tried.Length && end == AttemptEnd.SoldOut && entry is null; choices++)
        {
            int rank = _catalogue.PickRankOtherThan(tried.AsSpan(0, choices), ref dice);
            if (rank < 0) break;
            tried[choices] = rank;
            (end, entry) = await AttemptAsync(_catalogue.Pools[rank].PoolId, patientId, token, $"{context.RunId}-{index}-{choices}",
                choices == 0 ? intendedTimestamp : _clock.GetTimestamp(), cancellationToken).ConfigureAwait(false);
        }
        if (entry is null)
        {
            context.Measurements.Journeys.Add(ReservationAttempt.JourneyEndOf(end));
            return;
        }
        ledger.Enter(entry);
        var read = await AwaitResultAsync(entry, token, cancellationToken).ConfigureAwait(false);
        ledger.Read(read);
        context.Measurements.Journeys.Add(read.Entry?.Status switch
        {
            AccountDrawEntry.Won => JourneyEnd.Booked,
            AccountDrawEntry.NotDrawn => JourneyEnd.SoldOutEverywhere,
            _ => JourneyEnd.Other,
        });
    }

    /// <summary>One pool, until a definite answer: transient failures retried with the same key, an early press waits for the release.</summary>
    private async Task<(AttemptEnd End, DrawEntry? Entry)> AttemptAsync(
        string poolId, string patientId, BearerToken? token, string key, long intended, CancellationToken ct)
    {
        int releaseWaits = 0;
        while (true)
        {
            var call = await PatientRetry.RunAsync(() => context.Client.ReserveOrEnterAsync(poolId, patientId, token, key, ct),
                RequestKind.Reserve, context.Measurements, context.Scenario.Behaviour, ct).ConfigureAwait(false);
            if (call.Body is { Entry: { } entry }) return (AttemptEnd.Other, entry);
            if (call.Body is { Reservation: { } reservation })
            {
                context.Ledger.Acknowledge(new Acknowledgement(key, reservation.ReservationId, reservation.PoolId, reservation.PatientId,
                    reservation.SequenceNumber));
                return (AttemptEnd.Booked, null);
            }
            if (call.Outcome.Code == ProblemCodes.NotReleased && releaseWaits++ < MaxReleaseWaits)
            {
                var wait = (call.ReleaseAt ?? _clock.GetUtcNow()) - _clock.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(10), _clock, ct).ConfigureAwait(false);
                continue;
            }
            return (call.Outcome.IsTransient ? AttemptEnd.GaveUp : call.Outcome.Code switch
            {
                ProblemCodes.SoldOut => AttemptEnd.SoldOut,
                ProblemCodes.AlreadyBooked => AttemptEnd.AlreadyBooked,
                ProblemCodes.LimitReached => AttemptEnd.LimitReached,
                ProblemCodes.PoolClosed or ProblemCodes.PoolCancelled => AttemptEnd.Closed,
                _ => AttemptEnd.Other,
            }, null);
        }
    }

    /// <summary>
    /// From the draw time, "my draws" every <see cref="LotteryBehaviour.LookEvery"/> until the entry
    /// shows won or not_drawn, as an entrant refreshing the app; the list is read from committed rows,
    /// so it may show <c>entered</c> for a moment after the draw.
    /// </summary>
    private async Task<OwnDrawRead> AwaitResultAsync(DrawEntry entry, BearerToken? token, CancellationToken ct)
    {
        var untilDraw = entry.DrawAt - _clock.GetUtcNow();
        if (untilDraw > TimeSpan.Zero) await Task.Delay(untilDraw, _clock, ct).ConfigureAwait(false);
        var giveUpAt = entry.DrawAt + lottery.LookFor;
        var last = new OwnDrawRead(entry.PoolId, entry.PatientId, null, Readable: false);
        while (true)
        {
            var call = await PatientRetry.RunAsync(() => context.Client.ListDrawEntriesAsync(token, ct),
                RequestKind.Lottery, context.Measurements, context.Scenario.Behaviour, ct).ConfigureAwait(false);
            if (call.Body is { } list)
            {
                var mine = list.Entries.FirstOrDefault(e => e.PoolId == entry.PoolId && e.PatientId == entry.PatientId);
                last = new OwnDrawRead(entry.PoolId, entry.PatientId, mine);
                if (mine is { Status: not AccountDrawEntry.Entered }) return last;
            }
            if (_clock.GetUtcNow() >= giveUpAt) return last;
            await Task.Delay(lottery.LookEvery, _clock, ct).ConfigureAwait(false);
        }
    }
}
