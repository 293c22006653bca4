using OrleansBooking.LoadTests.Arrivals;
using OrleansBooking.LoadTests.Drivers;

namespace OrleansBooking.LoadTests.Scenarios;

/// <summary>
/// How arrivals are generated. Open (the default) follows <see cref="Arrivals"/> whatever the
/// service does; closed (<see cref="ClosedPatients"/> set) keeps that many patients busy for
/// <see cref="ClosedDuration"/>, each starting again as soon as the last visit ended.
/// </summary>
public sealed record LoadModel
{
    public required ArrivalProfile Arrivals { get; init; }
    public ArrivalSpacing Spacing { get; init; } = ArrivalSpacing.Uniform;
    /// <summary>Set for a closed model: the number of patients looping. Default null (open model).</summary>
    public int? ClosedPatients { get; init; }
    /// <summary>How long a closed model runs. Default: the arrival profile's duration.</summary>
    public TimeSpan? ClosedDuration { get; init; }
    /// <summary>An arrival handed over later than this counts as late. Default 10 ms.</summary>
    public TimeSpan LateAfter { get; init; } = OpenModelDriver.DefaultLateAfter;
    /// <summary>Visits in progress beyond which new arrivals are dropped and counted. Default 50,000.</summary>
    public int MaxPending { get; init; } = OpenModelDriver.DefaultMaxPending;
    /// <summary>How long to wait after the last arrival for visits still in progress; those still going then are cancelled. Default 30 s.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Seed for Poisson gaps and every patient's choices, so a run can be repeated. Default 2022.</summary>
    public int Seed { get; init; } = 2022;

    /// <summary>Unmeasured traffic before the measured part (see <see cref="Drivers.Warmup"/>); zero to skip. Default 3 s.</summary>
    public TimeSpan Warmup { get; init; } = Drivers.Warmup.DefaultDuration;

    public bool IsClosed => ClosedPatients is not null;

    public string Describe() => IsClosed
        ? $"closed: {ClosedPatients} patients for {(ClosedDuration ?? Arrivals.Duration).TotalSeconds:0.#} s"
        : $"open: {Arrivals.Describe()}, {Spacing.ToString().ToLowerInvariant()} spacing, ≈{Arrivals.ExpectedArrivals:N0} patients";
}
