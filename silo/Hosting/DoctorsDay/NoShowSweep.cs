using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Silo.Hosting.DoctorsDay;

/// <summary>
/// One pass of the automatic no-show rule: every pool whose session plus grace is over is asked to
/// mark its still-booked patients as no-shows; each one is then reported to the no-show listener.
/// Separate from the timer that drives it, so tests run a pass at a manual clock's instant.
/// </summary>
public sealed partial class NoShowSweep(
    ISlotPoolGrainFactory pools,
    ISessionsToSweep sessions,
    INoShowListener listener,
    TimeProvider clock,
    SlotPoolRules rules,
    TimeSpan grace,
    ILogger<NoShowSweep> logger)
{
    /// <summary>Sweeps every session that is over; returns the no-shows it recorded.</summary>
    public async Task<IReadOnlyList<Reservation>> RunAsync(CancellationToken cancellationToken)
    {
        // Read per pass, not when built: the host builds this before options validation can
        // report a bad time zone by its option name.
        var zone = rules.TimeZone;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var recorded = new List<Reservation>();
        foreach (var pool in await sessions.FindAsync(today, cancellationToken))
        {
            // Checked here too, so sessions still running today cost no grain call.
            if (rules.SessionEnd(pool, zone) + grace > now) continue;
            cancellationToken.ThrowIfCancellationRequested();
            if (await pools.GetSlotPool(pool.PoolId).SweepNoShowsAsync(grace) is not NoShowSweepOutcome.Swept swept) continue;
            foreach (var noShow in swept.NoShows)
            {
                await ReportAsync(noShow, now, cancellationToken);
                recorded.Add(noShow);
            }
        }
        return recorded;
    }

    // The no-show is durable before it is reported: a listener fault loses one count toward a
    // suspension, never the no-show itself, and must not stop the rest of the sweep.
    private async Task ReportAsync(Reservation noShow, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await listener.NoShowRecordedAsync(noShow, at, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogListenerFailed(noShow.ReservationId, noShow.PatientId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No-show of reservation {ReservationId} (patient {PatientId}) is stored but could not be reported.")]
    private partial void LogListenerFailed(string reservationId, string patientId, Exception exception);
}
