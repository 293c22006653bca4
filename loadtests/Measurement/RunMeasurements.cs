namespace OrleansBooking.LoadTests.Measurement;

/// <summary>
/// Everything measured during one run. Latency is taken from each request's <em>intended</em>
/// start (when the schedule said it should go), not from when it was actually sent, so a stalled
/// service or generator shows up in the numbers instead of hiding in fewer samples (wrk2's rule
/// against coordinated omission).
/// </summary>
public sealed class RunMeasurements
{
    /// <summary>
    /// The opening of a run reported on its own: for a rush, the seconds after the release, when every
    /// patient is new to the silo and the whole tail used to form (issue 11).
    /// </summary>
    public static readonly TimeSpan FirstSecondsWindow = TimeSpan.FromSeconds(5);

    private readonly LatencyHistogram[] _byKind;
    private readonly LatencyHistogram[] _firstSecondsByKind;

    public RunMeasurements(TimeProvider clock, long startTimestamp)
    {
        Clock = clock;
        StartTimestamp = startTimestamp;
        _byKind = Enum.GetValues<RequestKind>().Select(_ => new LatencyHistogram()).ToArray();
        _firstSecondsByKind = Enum.GetValues<RequestKind>().Select(_ => new LatencyHistogram()).ToArray();
    }

    public TimeProvider Clock { get; }
    /// <summary>The instant second 0 of the per-second series starts (the release, for a rush).</summary>
    public long StartTimestamp { get; }
    public OutcomeTally Outcomes { get; } = new();
    public SecondSeries Seconds { get; } = new();
    public ArrivalCounters Arrivals { get; } = new();
    public JourneyTally Journeys { get; } = new();
    /// <summary>Requests cancelled in flight, whose outcome is unknown; not in <see cref="Outcomes"/>.</summary>
    public CutOffRequests CutOff { get; } = new();

    public LatencyHistogram Latency(RequestKind kind) => _byKind[(int)kind];

    /// <summary>
    /// Latency of the requests of <paramref name="kind"/> whose intended start lies within
    /// <see cref="FirstSecondsWindow"/> of <see cref="StartTimestamp"/>, whenever they were answered.
    /// </summary>
    public LatencyHistogram LatencyInFirstSeconds(RequestKind kind) => _firstSecondsByKind[(int)kind];

    /// <summary>Records a finished request; <paramref name="intendedTimestamp"/> is from <see cref="Clock"/>.</summary>
    public void Record(RequestKind kind, RequestOutcome outcome, long intendedTimestamp)
    {
        long now = Clock.GetTimestamp();
        long micros = (long)Clock.GetElapsedTime(intendedTimestamp, now).TotalMicroseconds;
        int second = (int)Math.Floor(Clock.GetElapsedTime(StartTimestamp, now).TotalSeconds);
        var sinceStart = Clock.GetElapsedTime(StartTimestamp, intendedTimestamp);
        _byKind[(int)kind].Record(micros);
        if (sinceStart >= TimeSpan.Zero && sinceStart < FirstSecondsWindow) _firstSecondsByKind[(int)kind].Record(micros);
        Outcomes.Add(kind, outcome);
        Seconds.Record(second, (int)Math.Floor(sinceStart.TotalSeconds), kind, outcome, micros);
    }

    public long TotalRequests => Outcomes.Total(_ => true);
    public long ErrorRequests => Outcomes.Total(o => o.IsError);
    public double ErrorRate => TotalRequests == 0 ? 0 : (double)ErrorRequests / TotalRequests;
}
