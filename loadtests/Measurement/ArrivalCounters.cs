namespace OrleansBooking.LoadTests.Measurement;

/// <summary>
/// How faithfully the generator kept to its schedule. Late and dropped arrivals are reported
/// next to the latency figures: a run whose generator fell behind measured less than it claims.
/// </summary>
public sealed class ArrivalCounters
{
    private long _scheduled;
    private long _dispatched;
    private long _late;
    private long _dropped;
    private long _maxLagMicros;

    /// <summary>Arrivals the schedule asked for.</summary>
    public long Scheduled => Volatile.Read(ref _scheduled);
    /// <summary>Arrivals handed to a virtual patient.</summary>
    public long Dispatched => Volatile.Read(ref _dispatched);
    /// <summary>Arrivals handed over later than the lateness tolerance after their intended start.</summary>
    public long Late => Volatile.Read(ref _late);
    /// <summary>Arrivals never sent because too many patients were already waiting on the service.</summary>
    public long Dropped => Volatile.Read(ref _dropped);
    /// <summary>The worst gap between an arrival's intended start and its hand-over.</summary>
    public TimeSpan MaxLag => TimeSpan.FromMicroseconds(Volatile.Read(ref _maxLagMicros));

    public void OnScheduled() => Interlocked.Increment(ref _scheduled);
    public void OnDropped() => Interlocked.Increment(ref _dropped);

    public void OnDispatched(TimeSpan lag, bool late)
    {
        Interlocked.Increment(ref _dispatched);
        if (late) Interlocked.Increment(ref _late);
        long micros = (long)lag.TotalMicroseconds;
        long current = Volatile.Read(ref _maxLagMicros);
        while (micros > current)
        {
            long seen = Interlocked.CompareExchange(ref _maxLagMicros, micros, current);
            if (seen == current) break;
            current = seen;
        }
    }
}
