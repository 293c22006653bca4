using OrleansBooking.LoadTests.Arrivals;
using OrleansBooking.LoadTests.Measurement;
using OrleansBooking.LoadTests.Reports;
using OrleansBooking.LoadTests.Scenarios;

namespace OrleansBooking.LoadTests.Drivers;

/// <summary>How a session of load went, apart from what the measurements hold.</summary>
/// <param name="Elapsed">From the first arrival to the last response (or the end of the drain).</param>
/// <param name="Cancelled">
/// Visits cut short: still going at the drain deadline (or when the run was stopped), cancelled and
/// waited for before the read-back. What their unanswered requests did is unknown (<see cref="RunMeasurements.CutOff"/>).
/// </param>
/// <param name="Fault">A bug in the generator itself, if one was thrown; the run is then not to be trusted.</param>
public sealed record SessionSummary(TimeSpan Elapsed, int Cancelled, string? Fault);

/// <summary>Runs one piece of work under an open or closed load model, printing progress while it goes.</summary>
public static class LoadSession
{
    public static async Task<SessionSummary> RunAsync(
        IArrivalWork work, LoadModel model, RunMeasurements measurements, TextWriter? progress, CancellationToken ct)
    {
        var clock = measurements.Clock;
        long start = measurements.StartTimestamp;
        if (model.ClosedPatients is { } patients)
        {
            var closed = new ClosedModelDriver(work, measurements);
            await using (ProgressPrinter.Start(measurements, () => closed.InFlight, progress))
                await closed.RunAsync(patients, model.ClosedDuration ?? model.Arrivals.Duration, ct).ConfigureAwait(false);
            return new SessionSummary(clock.GetElapsedTime(start), closed.Cancelled, closed.FirstFault?.ToString());
        }

        var open = new OpenModelDriver(work, measurements, model.MaxPending);
        var pacer = new ArrivalPacer(new ArrivalSchedule(model.Arrivals, model.Spacing, model.Seed), clock, start, model.LateAfter);
        await using (ProgressPrinter.Start(measurements, () => open.Pending, progress))
            await open.RunAsync(pacer, model.Drain, ct).ConfigureAwait(false);
        return new SessionSummary(clock.GetElapsedTime(start), open.Cancelled, open.FirstFault?.ToString());
    }
}
