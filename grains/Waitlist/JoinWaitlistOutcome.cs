using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Waitlist;

/// <summary>Every answer to joining a pool's waitlist.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.JoinWaitlistOutcome")]
public abstract record JoinWaitlistOutcome
{
    /// <summary>On the list (<paramref name="Repeated"/>: they already were; joining is idempotent).</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.JoinWaitlistOutcome.Joined")]
    public sealed record Joined(WaitlistPlace Place, bool Repeated) : JoinWaitlistOutcome;

    /// <summary>The pool still has numbers: book one instead.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.JoinWaitlistOutcome.NumbersAvailable")]
    public sealed record NumbersAvailable(int Remaining) : JoinWaitlistOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.JoinWaitlistOutcome.AlreadyBooked")]
    public sealed record AlreadyBooked(Reservation Existing) : JoinWaitlistOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.JoinWaitlistOutcome.NotReleased")]
    public sealed record NotReleased(DateTimeOffset ReleaseAt) : JoinWaitlistOutcome;

    /// <summary>Closed, cancelled, or its session has begun: nothing can come back to wait for.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.JoinWaitlistOutcome.PoolClosed")]
    public sealed record PoolClosed(PoolStatus Status) : JoinWaitlistOutcome;

    [GenerateSerializer, Immutable, Alias("OrleansBooking.JoinWaitlistOutcome.PoolNotFound")]
    public sealed record PoolNotFound : JoinWaitlistOutcome;

    /// <summary>Answered by the patient, before the pool is asked.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.JoinWaitlistOutcome.PatientRefused")]
    public sealed record PatientRefused(Patients.PatientReserveOutcome Refusal) : JoinWaitlistOutcome;

    /// <summary>The patient is on <paramref name="Allowed"/> waitlists already.</summary>
    [GenerateSerializer, Immutable, Alias("OrleansBooking.JoinWaitlistOutcome.TooManyWaitlists")]
    public sealed record TooManyWaitlists(int Allowed) : JoinWaitlistOutcome;
}
