using OrleansBooking.Grains.Lottery;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>Every answer a reservation attempt can get. Faults (storage down, overload) are exceptions, not outcomes.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.ReserveOutcome")]
public abstract record ReserveOutcome
{
    /// <summary>The patient holds <paramref name="Reservation"/>. <paramref name="Replayed"/>: an earlier call with the same idempotency key made it.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReserveOutcome.Reserved")]
    public sealed record Reserved(Reservation Reservation, bool Replayed) : ReserveOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReserveOutcome.SoldOut")]
    public sealed record SoldOut : ReserveOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReserveOutcome.NotReleased")]
    public sealed record NotReleased(DateTimeOffset ReleaseAt) : ReserveOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReserveOutcome.AlreadyBooked")]
    public sealed record AlreadyBooked(Reservation Existing) : ReserveOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReserveOutcome.PoolClosed")]
    public sealed record PoolClosed(PoolStatus Status) : ReserveOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReserveOutcome.PoolNotFound")]
    public sealed record PoolNotFound : ReserveOutcome;

    /// <summary>The idempotency key was used before by another patient: it cannot name this attempt.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReserveOutcome.IdempotencyKeyReused")]
    public sealed record IdempotencyKeyReused : ReserveOutcome;

    /// <summary>Accepting a waitlist offer that ran out or was passed on.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReserveOutcome.OfferExpired")]
    public sealed record OfferExpired : ReserveOutcome;

    /// <summary>Accepting a waitlist offer when none was ever made to the patient.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReserveOutcome.NoOffer")]
    public sealed record NoOffer : ReserveOutcome;

    /// <summary>
    /// The request came during the pool's draw window: it is an entry, drawn at <paramref name="DrawAt"/>.
    /// <paramref name="Replayed"/>: the patient had entered already; this is the same entry.
    /// </summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.ReserveOutcome.Entered")]
    public sealed record Entered(LotteryEntry Entry, DateTimeOffset DrawAt, bool Replayed) : ReserveOutcome;

    /// <summary>
    /// The answer to a retry whose idempotency key already made <paramref name="earlier"/>: the
    /// same reservation, whatever changed since — unless the key is another patient's.
    /// </summary>
    public static ReserveOutcome Replay(Reservation earlier, ReserveRequest request) =>
        earlier.PatientId == request.PatientId ? new Reserved(earlier, Replayed: true) : new IdempotencyKeyReused();
}
