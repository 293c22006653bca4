using Microsoft.Extensions.Options;
using OrleansBooking.Api.Rush;
using OrleansBooking.Silo.Hosting.Notifications;

namespace OrleansBooking.Silo.Notifications;

/// <summary>
/// Holds back the messages that can wait while the bookings' rush is on. At the release a thousand
/// confirmations are written within a second; wording each (a read of the reservation, the patient
/// and the catalogue), sending it and marking it sent took CPU and database turns from the reservations
/// being decided in that second (docs/benchmarks.md, section 0h). The patient already has the answer on
/// the screen, so the message waits until the silo's reservation route is quiet again, but never longer
/// than <see cref="NotificationOptions.MaxRushHold"/>. Sign-in codes and the other kinds that cannot wait
/// are never held.
/// </summary>
public sealed partial class RushHold(
    ReservationAttempts attempts, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<RushHold> logger)
{
    private bool holding;

    /// <summary>The hold for the dispatcher's next pass, or null when the rush is not on.</summary>
    public DeliveryHold? Now()
    {
        var settings = options.Value;
        if (settings.RushAttemptsPerSecond == 0) return null;
        var busiest = attempts.BusiestOfLastTwoSeconds();
        var rush = busiest >= settings.RushAttemptsPerSecond;
        // Only the turns are logged: one line when the hold starts and one when it ends, not one a pass.
        if (rush != holding)
        {
            holding = rush;
            if (rush) LogHolding(busiest, settings.MaxRushHold);
            else LogReleased(busiest);
        }
        return rush ? new DeliveryHold(NotificationKinds.CanWaitForTheRush, clock.GetUtcNow() - settings.MaxRushHold) : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bookings' rush on ({Attempts} reservation attempts a second): messages that can wait are held back, at most {MaxHold}")]
    private partial void LogHolding(int attempts, TimeSpan maxHold);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bookings' rush over ({Attempts} reservation attempts a second): held messages go out")]
    private partial void LogReleased(int attempts);
}
