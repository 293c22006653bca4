using OrleansBooking.Grains.Waitlist;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// A stopped clinic ends its waitlist: nothing will come back to wait for, so every patient still
/// waiting or holding an offer is taken off and told why, in the batch that stops the clinic.
/// </summary>
internal sealed partial class SlotPoolGrain
{
    private void EndWaitlistAndNotify(string? reason, DateTimeOffset now)
    {
        var pool = State.Definition!;
        foreach (var patientId in State.Waitlist.PatientsOnTheList().ToList())
            commit.Raise(new WaitlistWithdrawn(pool.PoolId, patientId, reason, "waitlist-ended-" + Guid.NewGuid().ToString("N"), now));
        ArmOfferTimer(TimeSpan.Zero);
    }
}
