using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Workload;

/// <summary>
/// One arrival of the rush: a patient who opens the app and either browses a pool or tries to
/// book, picking doctors by popularity and moving to another after <c>sold_out</c>, up to
/// <see cref="PatientBehaviour.MaxChoices"/>; some who booked cancel later, freeing the number.
/// Browsing is public; booking and cancelling carry the patient's token, taken at sign-in before the release.
/// </summary>
public sealed class PatientVisit : IArrivalWork
{
    private readonly VisitContext _context;
    private readonly BookingServiceClient _client;
    private readonly RunMeasurements _measurements;
    private readonly PoolCatalogue _catalogue;
    private readonly PatientBehaviour _behaviour;
    private readonly ReservationAttempt _attempt;
    private readonly int _patients;
    private readonly int _seed;
    private readonly string _runId;
    private readonly string _patientIdPrefix;
    private readonly PatientTokens _tokens;
    private readonly TimeProvider _clock;

    public PatientVisit(VisitContext context)
    {
        _context = context;
        _client = context.Client;
        _measurements = context.Measurements;
        _catalogue = new PoolCatalogue(context.Pools, context.Scenario.Popularity);
        _behaviour = context.Scenario.Behaviour;
        _attempt = new ReservationAttempt(_client, _measurements, context.Ledger, _behaviour);
        _patients = context.Scenario.Patients;
        _seed = context.Scenario.Load.Seed;
        _runId = context.RunId;
        _patientIdPrefix = RushRunner.PatientIdPrefix(context.RunId);
        _tokens = context.Tokens;
        _clock = _measurements.Clock;
    }

    /// <summary>The patient id of population member <paramref name="member"/> in this run.</summary>
    public string PatientId(int member) => _patientIdPrefix + member;

    public async Task RunAsync(long index, long intendedTimestamp, CancellationToken cancellationToken)
    {
        var dice = new VisitDice(_seed, index);
        if (dice.NextDouble() < _behaviour.BrowseRatio)
        {
            var pool = _catalogue.Pools[_catalogue.PickRank(ref dice)];
            ServiceCall<PoolSnapshot> call;
            try
            {
                call = await _client.GetPoolAsync(pool.PoolId, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _measurements.CutOff.Add(RequestKind.Browse);
                throw;
            }
            _measurements.Record(RequestKind.Browse, call.Outcome, intendedTimestamp);
            _measurements.Journeys.Add(JourneyEnd.Browsed);
            return;
        }

        int member = dice.Next(_patients);
        string patientId = PatientId(member);
        var token = _tokens.Of(member);
        var tried = new int[Math.Min(_behaviour.MaxChoices, _catalogue.Pools.Count)];
        var end = AttemptEnd.SoldOut;
        long intended = intendedTimestamp;
        for (int choice = 0; choice < tried.Length; choice++)
        {
            int rank = _catalogue.PickRankOtherThan(tried.AsSpan(0, choice), ref dice);
            if (rank < 0) break;
            tried[choice] = rank;
            (end, var reservation) = await _attempt.RunAsync(
                _catalogue.Pools[rank].PoolId, patientId, token, $"{_runId}-{index}-{choice}", intended, cancellationToken).ConfigureAwait(false);
            if (end == AttemptEnd.SoldOut)
            {
                // The patient taps the next doctor at once; that request is due now.
                intended = _clock.GetTimestamp();
                continue;
            }
            if (reservation is not null && dice.NextDouble() < _behaviour.CancelRatio)
            {
                await Task.Delay(_behaviour.CancelAfter, _clock, cancellationToken).ConfigureAwait(false);
                await PatientCancellation.RunAsync(_context, reservation, token, cancellationToken).ConfigureAwait(false);
                _measurements.Journeys.Add(JourneyEnd.BookedThenCancelled);
                return;
            }
            break;
        }
        _measurements.Journeys.Add(ReservationAttempt.JourneyEndOf(end));
    }
}
