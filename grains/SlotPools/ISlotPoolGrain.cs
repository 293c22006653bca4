using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// The contract of a slot pool (key: the pool id), as callers see it. The Orleans grain
/// <see cref="SlotPoolGrain"/> implements it; so does the conventional engine in the silo (one
/// locking transaction per call, kept for comparison). Outcomes are values; faults are
/// <see cref="GrainUnavailableException"/>s (and Orleans' own timeouts and rejections).
/// Never call a patient from a pool: patients wait on pools, so the reverse could deadlock.
/// </summary>
public interface ISlotPoolGrain : IGrainWithStringKey
{
    Task<CreatePoolOutcome> CreateAsync(PoolDefinition definition);

    Task<ReserveOutcome> ReserveAsync(ReserveRequest request);

    /// <summary>
    /// Sold out, when that is certainly what <see cref="ReserveAsync"/> would answer
    /// <paramref name="request"/> whether or not the writes in flight commit; null when the pool
    /// must decide. Lets the crowd that arrives after the numbers are gone be answered before any
    /// patient is loaded. When the numbers are gone as decided but their write is still in flight,
    /// it answers once that write has committed (or null, when it failed and gave them back).
    /// </summary>
    [ReadOnly, AlwaysInterleave]
    Task<ReserveOutcome?> AnswerIfSoldOutAsync(ReserveRequest request);

    /// <summary>
    /// The pool's sold-out answer for callers to give themselves for a while (<see cref="SoldOutView"/>),
    /// or null when the pool is not sold out, has writes in flight, or must decide for itself.
    /// </summary>
    [ReadOnly, AlwaysInterleave]
    Task<SoldOutView?> GetSoldOutViewAsync();

    Task<CancelOutcome> CancelAsync(string reservationId, CancellationReason reason);

    Task<ChangePoolOutcome> ChangeAsync(PoolChangeRequest change);

    /// <summary>The committed pool, or null when it does not exist.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<SlotPoolSnapshot?> GetSnapshotAsync();

    [ReadOnly, AlwaysInterleave]
    Task<Reservation?> GetReservationAsync(string reservationId);

    /// <summary>All committed reservations in number order, or null when the pool does not exist.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<Reservation>?> ListReservationsAsync();

    /// <summary>The doctor's day: checked in, in consultation, completed or no-show (<see cref="ReservationTransitions"/>).</summary>
    Task<ReservationStatusOutcome> ChangeReservationStatusAsync(string reservationId, ReservationStatus status);

    /// <summary>Moves the checked-in patient with the lowest number into consultation.</summary>
    Task<CallNextOutcome> CallNextAsync();

    /// <summary>Cancels the session: every held number is released and each patient gets an outbox notice.</summary>
    Task<StopClinicOutcome> StopClinicAsync(string reason);

    /// <summary>
    /// A payment of <paramref name="amountFen"/> for a hold arrived: booked if the hold is still
    /// good, otherwise an answer that says the money must go back. Repeating it answers the same.
    /// </summary>
    Task<PayHoldOutcome> PayHoldAsync(string reservationId, long amountFen);

    /// <summary>Expires the holds that have run out (the timer does this too); returns those it expired.</summary>
    Task<IReadOnlyList<Reservation>> ExpireDueHoldsAsync();

    /// <summary>
    /// Withdraws a no-show recorded wrongly: the reservation ends as cancelled by the hospital
    /// (admin_action), so it counts nowhere as a miss. Its number was given back when it was marked,
    /// and the session is over by then, so it does not take a number again.
    /// </summary>
    Task<WithdrawNoShowOutcome> WithdrawNoShowAsync(string reservationId);

    /// <summary>After the session plus <paramref name="grace"/>: booked reservations become no-shows and the pool closes.</summary>
    Task<NoShowSweepOutcome> SweepNoShowsAsync(TimeSpan grace);
}

/// <summary>
/// Finds the pool for a pool id: Orleans' <c>GetGrain</c> on the actor engine, a plain object on
/// the conventional one. The one seam where the engine is chosen.
/// </summary>
public interface ISlotPoolGrainFactory
{
    ISlotPoolGrain GetSlotPool(string poolId);
}

/// <summary>Which pool a reservation belongs to: a read of committed rows, so ids only become findable once durable.</summary>
public interface IReservationIndex
{
    Task<string?> FindPoolIdAsync(string reservationId, CancellationToken cancellationToken);
}
