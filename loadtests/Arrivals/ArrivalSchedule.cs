namespace OrleansBooking.LoadTests.Arrivals;

/// <summary>
/// The intended start of every arrival, as offsets from the start of the run, produced lazily
/// in order. Arrival k is placed by inverting the profile's cumulative count, so the schedule
/// is exact for any shape and never drifts over a long run.
/// </summary>
public sealed class ArrivalSchedule
{
    private readonly ArrivalProfile _profile;
    private readonly ArrivalSpacing _spacing;
    private readonly Random _random;
    private readonly double _end;
    private double _target;
    private double _previous;

    public ArrivalSchedule(ArrivalProfile profile, ArrivalSpacing spacing, int seed = 1)
    {
        _profile = profile;
        _spacing = spacing;
        _random = new Random(seed);
        _end = profile.Duration.TotalSeconds;
        // Uniform arrivals start on the release instant itself: the first patient is already waiting.
        _target = spacing == ArrivalSpacing.Uniform ? 0 : NextExponential();
        Current = Locate(_target);
    }

    /// <summary>The intended offset of the arrival now due, or null once the profile is over.</summary>
    public TimeSpan? Current { get; private set; }

    /// <summary>How many arrivals have been taken so far.</summary>
    public long Taken { get; private set; }

    public void MoveNext()
    {
        if (Current is null) return;
        Taken++;
        _target += _spacing == ArrivalSpacing.Uniform ? 1 : NextExponential();
        Current = Locate(_target);
    }

    /// <summary>Every offset of the schedule; for tests and small runs.</summary>
    public IEnumerable<TimeSpan> All()
    {
        while (Current is { } at)
        {
            yield return at;
            MoveNext();
        }
    }

    private TimeSpan? Locate(double cumulative)
    {
        if (_profile.CumulativeAt(_end) <= cumulative) return null;
        // Bisection: the cumulative count only grows, and 60 halvings reach well below a tick.
        double lo = _previous, hi = _end;
        for (int i = 0; i < 60 && hi - lo > 1e-9; i++)
        {
            double mid = (lo + hi) / 2;
            if (_profile.CumulativeAt(mid) < cumulative) lo = mid; else hi = mid;
        }
        _previous = hi;
        return TimeSpan.FromTicks((long)Math.Round(hi * TimeSpan.TicksPerSecond));
    }

    private double NextExponential() => -Math.Log(1 - _random.NextDouble());
}
