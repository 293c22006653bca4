using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>
/// The patient's entries in draws. An entry holds a limit place from the entry until the draw, as
/// a booking would: so a second entry that could win a number beyond a limit is refused at once
/// (limit_reached), and whatever a patient's draws give them together stays within the limits.
/// Holding the place costs a patient who then loses that place only until the draw (at most an hour).
/// The pool's entries are durable, so a patient grain loaded again (a restart, a lost silo) counts
/// them too (<see cref="PatientBookings.Load"/>).
/// </summary>
internal sealed partial class PatientGrain
{
    // Past the draw a little, so the pool's one-way result still finds the grain in memory.
    private static readonly TimeSpan AfterTheDraw = TimeSpan.FromMinutes(5);

    // Synchronous: interleaving with a reservation waiting on a pool cannot split its decision.
    public Task LotteryDrawnAsync(string poolId, DateOnly visitDate, string? departmentId, Reservation? won)
    {
        bookings.Drawn(poolId, won, new VisitDay(visitDate, departmentId));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The activation stays until its last draw has told it the result (the latest draw, since each
    /// call replaces the one before): at the close every entrant is told at once, and an entrant
    /// collected meanwhile would be activated, and its bookings read, just to take the message.
    /// </summary>
    private void KeepUntilDrawn()
    {
        var now = clock.GetUtcNow();
        var last = bookings.EntriesUndrawnAt(now).Select(e => e.DrawAt).DefaultIfEmpty(now).Max();
        if (last > now) DelayDeactivation(last - now + AfterTheDraw);
    }
}
