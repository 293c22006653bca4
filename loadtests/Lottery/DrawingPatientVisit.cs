using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Service;
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
    private readonly PoolCatalogue _catalogue = new(context.Pools, context.Scenario.Popularity);
    // The rush's own press: retries, the wait for the release, the ledger of 201s, the entry of a 202.
    private readonly ReservationAttempt _attempt = new(context.Client, context.Measurements, context.Ledger, context.Scenario.Behaviour);
    private readonly TimeProvider _clock = context.Measurements.Clock;

    public async Task RunAsync(long index, long intendedTimestamp, CancellationToken cancellationToken)
    {
        var (dice, _, patientId, token) = DoctorChoices.Arrival(context, index);
        var tried = new int[Math.Min(context.Scenario.Behaviour.MaxChoices, _catalogue.Pools.Count)];
        var end = AttemptEnd.SoldOut;
        DrawEntry? entry = null;
        for (int choices = 0; choices < tried.Length && end == AttemptEnd.SoldOut; choices++)
        {
            int rank = _catalogue.PickRankOtherThan(tried.AsSpan(0, choices), ref dice);
            if (rank < 0) break;
            tried[choices] = rank;
            (end, _, entry) = await _attempt.RunAsync(_catalogue.Pools[rank].PoolId, patientId, token, $"{context.RunId}-{index}-{choices}",
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
