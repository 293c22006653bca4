using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Scenarios;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;

namespace OrleansBooking.LoadTests.Workload;

/// <summary>
/// What a rush's arrivals work with: the service, the run's pools, where to record and whom to
/// promise, and each patient's token (<see cref="PatientTokens.None"/> for a service without accounts).
/// </summary>
public sealed record VisitContext(
    BookingServiceClient Client, RunMeasurements Measurements, AcknowledgementLedger Ledger,
    IReadOnlyList<ProvisionedPool> Pools, RushScenario Scenario, string RunId, PatientTokens Tokens);
