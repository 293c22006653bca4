namespace OrleansBooking.LoadTests.Arrivals;

/// <summary>An arrival whose intended start has come, as the pacer hands it over.</summary>
/// <param name="Index">0-based position in the schedule; gives each patient a stable identity.</param>
/// <param name="IntendedTimestamp">When it should start, in the pacer's clock timestamps.</param>
/// <param name="Lag">How long after its intended start it was handed over.</param>
/// <param name="Late">Whether <paramref name="Lag"/> exceeded the tolerance.</param>
public readonly record struct DueArrival(long Index, long IntendedTimestamp, TimeSpan Lag, bool Late);

/// <summary>
/// Turns a schedule of offsets into arrivals that are due by a clock. It never waits itself:
/// the caller asks what is due now and how long until the next one, so the pacing can be driven
/// by a real loop or stepped by a fake clock in a test.
/// </summary>
public sealed class ArrivalPacer
{
    private readonly ArrivalSchedule _schedule;
    private readonly TimeProvider _clock;
    private readonly long _startTimestamp;
    private readonly TimeSpan _lateAfter;

    public ArrivalPacer(ArrivalSchedule schedule, TimeProvider clock, long startTimestamp, TimeSpan lateAfter)
    {
        _schedule = schedule;
        _clock = clock;
        _startTimestamp = startTimestamp;
        _lateAfter = lateAfter;
    }

    public bool Finished => _schedule.Current is null;

    /// <summary>Appends every arrival due by now (at most <paramref name="max"/>) and returns how many.</summary>
    public int TakeDue(List<DueArrival> into, int max = int.MaxValue)
    {
        long now = _clock.GetTimestamp();
        TimeSpan elapsed = _clock.GetElapsedTime(_startTimestamp, now);
        int taken = 0;
        while (taken < max && _schedule.Current is { } offset && offset <= elapsed)
        {
            TimeSpan lag = elapsed - offset;
            into.Add(new DueArrival(_schedule.Taken, ToTimestamp(offset), lag, lag > _lateAfter));
            _schedule.MoveNext();
            taken++;
        }
        return taken;
    }

    /// <summary>Time until the next arrival is due; zero if one is due already; null when finished.</summary>
    public TimeSpan? UntilNext()
    {
        if (_schedule.Current is not { } offset) return null;
        TimeSpan wait = offset - _clock.GetElapsedTime(_startTimestamp);
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private long ToTimestamp(TimeSpan offset) =>
        _startTimestamp + (long)(offset.Ticks * (double)_clock.TimestampFrequency / TimeSpan.TicksPerSecond);
}
