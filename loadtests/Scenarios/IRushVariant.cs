using OrleansBooking.LoadTests.Drivers;
using OrleansBooking.LoadTests.Reports;
using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;
using OrleansBooking.LoadTests.Workload;

namespace OrleansBooking.LoadTests.Scenarios;

/// <summary>
/// A rush with one more part of the hospital at work (payment at booking, the waitlist): the silo
/// settings it needs, its own virtual patient, a wait for what must settle before the books are
/// read (holds running out), and its own invariants on top of the rush's. One instance per run:
/// it keeps what its patients saw.
/// </summary>
public interface IRushVariant
{
    /// <summary>The option that selects it, e.g. <c>payment</c>.</summary>
    string Name { get; }

    /// <summary>Configuration a started silo needs (passed as switches, ahead of any <c>--silo-arg</c>).</summary>
    IReadOnlyDictionary<string, string> SiloSettings { get; }

    /// <summary>Configuration that must not show on a command line (passed in the silo's environment).</summary>
    IReadOnlyDictionary<string, string> SiloSecrets { get; }

    /// <summary>The draw every pool of the run is created with; null (the default) for first come, first served.</summary>
    NewLottery? PoolLottery => null;

    IArrivalWork Visit(VisitContext context);

    /// <summary>After the crowd and before the read-back: waits for what the checks need settled.</summary>
    Task SettleAsync(TimeProvider clock, TextWriter? progress, CancellationToken ct);

    /// <param name="readAt">When the read-back began: a hold or offer ending before it has ended by the time it was read.</param>
    Task<IReadOnlyList<Violation>> VerifyAsync(
        BookingServiceClient client, AdminSession admin, IReadOnlyList<PoolReadback> pools, DateTimeOffset readAt, CancellationToken ct);

    /// <summary>What its patients did, for the reports.</summary>
    ReportTable Summary();
}
