using OrleansBooking.LoadTests.Drivers;

namespace OrleansBooking.LoadTests.Workload;

/// <summary>
/// The comparison's workload: every arrival is a new patient booking the one pool that is open,
/// so all load meets a single actor (or a single locked row). A pool holds at most 10,000 numbers
/// (the API's limit), so a leg gets a queue of pools: when the hot one sells out, the next one
/// becomes the hot pool, and the patient who saw sold_out presses again there.
/// </summary>
public sealed class HotPoolBooking : IArrivalWork
{
    private readonly VisitContext _context;
    private readonly ReservationAttempt _attempt;
    private readonly string _patientIdPrefix;
    private int _hot;

    public HotPoolBooking(VisitContext context)
    {
        _context = context;
        _attempt = new ReservationAttempt(context.Client, context.Measurements, context.Ledger, context.Scenario.Behaviour);
        _patientIdPrefix = RushRunner.PatientIdPrefix(context.RunId);
    }

    /// <summary>Every pool in the queue is sold out.</summary>
    public bool Exhausted => Volatile.Read(ref _hot) >= _context.Pools.Count;

    public async Task RunAsync(long index, long intendedTimestamp, CancellationToken cancellationToken)
    {
        var pools = _context.Pools;
        int last = pools.Count - 1;
        // Registered patients are taken in turn; by the time they come round again the numbers are gone.
        int member = (int)(index % _context.Scenario.Patients);
        string patientId = _patientIdPrefix + member;
        var token = _context.Tokens.Of(member);
        long intended = intendedTimestamp;
        // Once every pool is sold out, patients still press "book" on the last one and hear sold_out.
        int hot = Math.Min(Volatile.Read(ref _hot), last);
        AttemptEnd end;
        while (true)
        {
            (end, _) = await _attempt.RunAsync(pools[hot].PoolId, patientId, token, $"{_context.RunId}-{index}-{hot}", intended, cancellationToken)
                .ConfigureAwait(false);
            if (end != AttemptEnd.SoldOut) break;
            Interlocked.CompareExchange(ref _hot, hot + 1, hot);
            if (hot == last) break;
            hot = Math.Min(Math.Max(hot + 1, Volatile.Read(ref _hot)), last);
            intended = _context.Measurements.Clock.GetTimestamp();
        }
        _context.Measurements.Journeys.Add(ReservationAttempt.JourneyEndOf(end));
    }
}
