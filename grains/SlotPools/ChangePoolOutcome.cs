namespace OrleansBooking.Grains.SlotPools;

[GenerateSerializer, Immutable, Alias("OrleansBooking.ChangePoolOutcome")]
public abstract record ChangePoolOutcome
{
    [GenerateSerializer, Immutable, Alias("OrleansBooking.ChangePoolOutcome.Changed")]
    public sealed record Changed(SlotPoolSnapshot Pool) : ChangePoolOutcome;

    /// <summary>The quota would drop below a number a patient holds; <paramref name="MinimumQuota"/> is the lowest allowed.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.ChangePoolOutcome.QuotaBelowBooked")]
    public sealed record QuotaBelowBooked(int MinimumQuota, int Booked) : ChangePoolOutcome;

    /// <summary>A stopped clinic stays stopped: its patients were told and their numbers released.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.ChangePoolOutcome.PoolCancelled")]
    public sealed record PoolCancelled : ChangePoolOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.ChangePoolOutcome.PoolNotFound")]
    public sealed record PoolNotFound : ChangePoolOutcome;
}
