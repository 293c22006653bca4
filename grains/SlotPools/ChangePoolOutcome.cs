namespace OrleansBooking.Grains.SlotPools;

public abstract record ChangePoolOutcome
{
    public sealed record Changed(SlotPoolSnapshot Pool) : ChangePoolOutcome;

    /// <summary>The quota would drop below a number a patient holds; <paramref name="MinimumQuota"/> is the lowest allowed.</summary>
    public sealed record QuotaBelowBooked(int MinimumQuota, int Booked) : ChangePoolOutcome;

    /// <summary>A stopped clinic stays stopped: its patients were told and their numbers released.</summary>
    public sealed record PoolCancelled : ChangePoolOutcome;

    public sealed record PoolNotFound : ChangePoolOutcome;
}
