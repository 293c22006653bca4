namespace OrleansBooking.LoadTests.Measurement;

/// <summary>
/// Per-second counts and latency by the second in which each response arrived, so a chart can
/// show how throughput and p99 moved through the rush. Seconds past the capacity are folded
/// into the last one rather than lost.
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

    public void Record(int second, RequestKind kind, RequestOutcome outcome, long latencyMicros)
    {
        int index = Math.Clamp(second, 0, _seconds.Length - 1);
        var slot = _seconds[index] ?? EnsureSecond(index);
        Interlocked.Increment(ref slot.Completed);
        if (kind == RequestKind.Reserve) Interlocked.Increment(ref slot.Reservations);
        if (outcome.IsSuccess) Interlocked.Increment(ref slot.Succeeded);
        if (outcome.IsError) Interlocked.Increment(ref slot.Errors);
        slot.Latency.Record(latencyMicros);
        int highest = Volatile.Read(ref _highest);
        while (index > highest)
        {
            int seen = Interlocked.CompareExchange(ref _highest, index, highest);
            if (seen == highest) break;
            highest = seen;
        }
    }

    /// <summary>One row per second from 0 to the last second that saw a response.</summary>
    public IReadOnlyList<SecondSummary> Summarize()
    {
        int highest = Volatile.Read(ref _highest);
        var rows = new List<SecondSummary>(highest + 1);
        for (int i = 0; i <= highest; i++) rows.Add(Summarize(i));
        return rows;
    }

    /// <summary>
    /// The last second that saw a response, null before the first. Cheap enough to call every second
    /// while the run goes: reading a percentile walks the histogram, so this summarizes one second only.
    /// </summary>
    public SecondSummary? Latest()
    {
        int highest = Volatile.Read(ref _highest);
        return highest < 0 ? null : Summarize(highest);
    }

    private SecondSummary Summarize(int i)
    {
        var s = Volatile.Read(ref _seconds[i]);
        return s is null
            ? new SecondSummary(i, 0, 0, 0, 0, 0, 0, 0)
            : new SecondSummary(i, s.Completed, s.Reservations, s.Succeeded, s.Errors,
                s.Latency.ValueAtPercentile(50), s.Latency.ValueAtPercentile(99), s.Latency.Max);
    }

    private Second EnsureSecond(int index)
    {
        Interlocked.CompareExchange(ref _seconds[index], new Second(), null);
        return _seconds[index]!;
    }

    private sealed class Second
    {
        public long Completed;
        public long Reservations;
        public long Succeeded;
        public long Errors;
        // Two digits are plenty for a chart and keep each second's histogram around 26 KB.
        public readonly LatencyHistogram Latency = new(significantDigits: 2);
    }
}

/// <summary>What happened in one second of the run; latencies in microseconds.</summary>
public sealed record SecondSummary(
    int Second, long Completed, long Reservations, long Succeeded, long Errors,
    long P50Micros, long P99Micros, long MaxMicros);
