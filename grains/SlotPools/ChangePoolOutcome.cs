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

    /// <summary>A draw cannot be set or removed once a reservation exists (<paramref name="Reservations"/> of them).</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.ChangePoolOutcome.HasReservations")]
    public sealed record HasReservations(int Reservations) : ChangePoolOutcome;

    /// <summary>A draw cannot be set or removed at or after the release: requests were already answered one way.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.ChangePoolOutcome.ReleasePassed")]
    public sealed record ReleasePassed(DateTimeOffset ReleaseAt) : ChangePoolOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.ChangePoolOutcome.PoolNotFound")]
    public sealed record PoolNotFound : ChangePoolOutcome;
}
