namespace OrleansBooking.LoadTests.Measurement;

/// <summary>
/// Per-second counts and latency by the second in which each response arrived, so a chart can
/// show how throughput, outcomes and p99 moved through the rush, and how many requests were in
/// flight at the end of each second. Seconds past the capacity are folded into the last one
/// rather than lost.
/// </summary>
public sealed class SecondSeries
{
    /// <summary>Default capacity: fifteen minutes of seconds.</summary>
    public const int DefaultCapacity = 900;

    private readonly Second?[] _seconds;
    private int _highest = -1;

    public SecondSeries(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _seconds = new Second?[capacity];
    }

    /// <param name="second">The second the response arrived in.</param>
    /// <param name="intendedSecond">
    /// The second the request was meant to start in (its schedule's instant, or the end of a retry's
    /// back-off), so a request waiting in the generator counts as in flight just as one waiting in the service.
    /// </param>
    public void Record(int second, int intendedSecond, RequestKind kind, RequestOutcome outcome, long latencyMicros)
    {
        var slot = Slot(second);
        Interlocked.Increment(ref slot.Completed);
        if (kind == RequestKind.Reserve) Interlocked.Increment(ref slot.Reservations);
        if (outcome.IsSuccess) Interlocked.Increment(ref slot.Succeeded);
        else if (outcome.Status == 503) Interlocked.Increment(ref slot.Overloaded);
        else if (outcome.IsError) Interlocked.Increment(ref slot.OtherErrors);
        else Interlocked.Increment(ref slot.Declined);
        slot.Latency.Record(latencyMicros);
        Interlocked.Increment(ref Slot(Math.Min(intendedSecond, second)).Started);
    }

    /// <summary>One row per second from 0 to the last second that saw a response.</summary>
    public IReadOnlyList<SecondSummary> Summarize()
    {
        int highest = Volatile.Read(ref _highest);
        var rows = new List<SecondSummary>(highest + 1);
        long inFlight = 0;
        for (int i = 0; i <= highest; i++)
        {
            var row = Summarize(i, inFlight);
            inFlight = row.InFlight;
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// The last second that saw a response, null before the first. Cheap enough to call every second
    /// while the run goes: reading a percentile walks the histogram, so this summarizes one second only.
    /// Its <see cref="SecondSummary.InFlight"/> is left 0; <see cref="Summarize()"/> has it.
    /// </summary>
    public SecondSummary? Latest()
    {
        int highest = Volatile.Read(ref _highest);
        return highest < 0 ? null : Summarize(highest, inFlightBefore: null);
    }

    /// <param name="inFlightBefore">In flight at the end of the second before; null to leave in flight out.</param>
    private SecondSummary Summarize(int i, long? inFlightBefore)
    {
        var s = Volatile.Read(ref _seconds[i]);
        if (s is null) return new SecondSummary(i, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, inFlightBefore ?? 0);
        long inFlight = inFlightBefore is { } before ? before + s.Started - s.Completed : 0;
        return new SecondSummary(i, s.Completed, s.Reservations, s.Succeeded, s.Declined, s.Overloaded, s.OtherErrors,
            s.Latency.ValueAtPercentile(50), s.Latency.ValueAtPercentile(99), s.Latency.Max, s.Started, inFlight);
    }

    private Second Slot(int second)
    {
        int index = Math.Clamp(second, 0, _seconds.Length - 1);
        var slot = Volatile.Read(ref _seconds[index]);
        if (slot is null)
        {
            Interlocked.CompareExchange(ref _seconds[index], new Second(), null);
            slot = _seconds[index]!;
        }
        int highest = Volatile.Read(ref _highest);
        while (index > highest)
        {
            int seen = Interlocked.CompareExchange(ref _highest, index, highest);
            if (seen == highest) break;
            highest = seen;
        }
        return slot;
    }

    private sealed class Second
    {
        public long Completed;
        public long Started;
        public long Reservations;
        public long Succeeded;
        public long Declined;
        public long Overloaded;
        public long OtherErrors;
        // Two digits are plenty for a chart and keep each second's histogram around 26 KB.
        public readonly LatencyHistogram Latency = new(significantDigits: 2);
    }
}

/// <summary>What happened in one second of the run; latencies in microseconds.</summary>
/// <param name="Declined">Answers that are a correct "no" (409: sold out, already booked, …).</param>
/// <param name="Overloaded">503s: the service shedding load.</param>
/// <param name="OtherErrors">Every other error: other 5xx, unexpected 4xx, timeouts, dropped connections.</param>
/// <param name="Started">Requests meant to start in this second that got an answer (by intended start).</param>
/// <param name="InFlight">
/// Requests meant to start by the end of this second whose answer came later: waiting in the
/// generator or in the service. Requests never answered are not counted.
/// </param>
public sealed record SecondSummary(
    int Second, long Completed, long Reservations, long Succeeded, long Declined, long Overloaded, long OtherErrors,
    long P50Micros, long P99Micros, long MaxMicros, long Started, long InFlight)
{
    public long Errors => Overloaded + OtherErrors;
}
