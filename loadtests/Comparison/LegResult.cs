using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Reports;
using OrleansBooking.LoadTests.Verification;

namespace OrleansBooking.LoadTests.Comparison;

/// <summary>One leg of a side-by-side comparison: the same workload against one target.</summary>
/// <param name="Numbers">For a booking leg, all numbers on offer; reaching it means the leg ran out of pools.</param>
/// <param name="GeneratorCpu">
/// CPU this process (the generator) used while the leg's load ran, warm-up excluded; measured for the
/// ceiling leg, whose only other work is the generator's own bookkeeping.
/// </param>
public sealed record LegResult(
    string Name, RequestKind Kind, RunMeasurements Measurements, SessionSummary Session, VerificationReport? Verification, int? Numbers = null,
    TimeSpan? GeneratorCpu = null)
{
    public LatencyHistogram Latency => Measurements.Latency(Kind);

    private double Seconds => Math.Max(Session.Elapsed.TotalSeconds, 1e-9);

    /// <summary>Requests of the leg's kind answered per second, whatever the answer.</summary>
    public double RequestsPerSecond => Latency.TotalCount / Seconds;

    /// <summary>Every number was booked before the leg ended, so its 2xx/s understates the engine.</summary>
    public bool SoldOut => Numbers is { } numbers && Verification is { } v && v.ActiveReservations >= numbers;

    /// <summary>Generator CPU seconds per 1,000 requests of the leg's kind; null when not measured.</summary>
    public double? CpuSecondsPerThousandRequests =>
        GeneratorCpu is { } cpu && Latency.TotalCount > 0 ? cpu.TotalSeconds / Latency.TotalCount * 1000 : null;

    public Verdict Verdict(Thresholds thresholds) => Reports.Verdict.Of(thresholds, Measurements, Kind, Session, Verification);

    /// <summary>2xx answers per second: reservations made, or ceiling probes served.</summary>
    public double SucceededPerSecond => Measurements.Outcomes.Count(Kind, o => o.IsSuccess) / Seconds;
}
