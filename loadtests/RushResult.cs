using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Provisioning;
using OrleansBooking.LoadTests.Reports;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.SiloMemory;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests;

/// <summary>Everything one rush produced: what was asked, what was measured, what was verified.</summary>
public sealed record RushResult(
    string RunId,
    Uri Target,
    RushScenario Scenario,
    DateTimeOffset ReleaseAt,
    IReadOnlyList<ProvisionedPool> Pools,
    RunMeasurements Measurements,
    AcknowledgementLedger Ledger,
    SessionSummary Session,
    VerificationReport Verification,
    SignInSummary PatientSignIn,
    ReportTable? VariantSummary = null)
{
    /// <summary>The kind whose latency and throughput the run is judged on.</summary>
    public RequestKind MainKind => RequestKind.Reserve;

    /// <summary>How long the patients and the pools took to set up; null when the run was not provisioned here.</summary>
    public ProvisioningTimes? Provisioning { get; init; }

    /// <summary>The silo's memory through the run (<c>--watch-memory</c>); null when not watched or not exported.</summary>
    public MemoryReading? Memory { get; init; }

    /// <summary>Every memory sample, oldest first (memory.csv); empty when not watched.</summary>
    public IReadOnlyList<SiloMemorySample> MemorySamples { get; init; } = [];

    public double RequestsPerSecond => Session.Elapsed.TotalSeconds > 0 ? Measurements.TotalRequests / Session.Elapsed.TotalSeconds : 0;
}
