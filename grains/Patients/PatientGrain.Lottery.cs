using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>
/// The patient's entries in draws. An entry holds a limit place from the entry until the draw, as
/// a booking would: so a second entry that could win a number beyond a limit is refused at once
/// (limit_reached), and whatever a patient's draws give them together stays within the limits.
/// Holding the place costs a patient who then loses that place only until the draw (at most an hour).
/// </summary>
internal sealed partial class PatientGrain
{
    // Past the draw a little, so the pool's one-way result still finds the entries in memory.
    private static readonly TimeSpan AfterTheDraw = TimeSpan.FromMinutes(5);

    // Synchronous: interleaving with a reservation waiting on a pool cannot split its decision.
    public Task LotteryDrawnAsync(string poolId, DateOnly visitDate, string? departmentId, Reservation? won)
    {
        bookings.Drawn(poolId, won, new VisitDay(visitDate, departmentId));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Entries live in this activation's memory only: it stays until its last draw has told it the
    /// result (the latest draw, since each call replaces the one before).
    /// </summary>
    private void KeepUntilDrawn()
    {
        var now = clock.GetUtcNow();
        var last = bookings.EntriesUndrawnAt(now).Select(e => e.DrawAt).DefaultIfEmpty(now).Max();
        if (last > now) DelayDeactivation(last - now + AfterTheDraw);
    }
}
