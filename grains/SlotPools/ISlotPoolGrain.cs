namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// The contract of a slot pool, as callers see it. The actor engine implements it with
/// <see cref="SlotPoolGrain"/>; the conventional engine (one locking transaction per call,
/// kept for comparison) implements it in the silo. Outcomes are values; faults are
/// <see cref="Runtime.GrainUnavailableException"/>s.
/// </summary>
public interface ISlotPoolGrain
{
    string PoolId { get; }

    Task<CreatePoolOutcome> CreateAsync(PoolDefinition definition);

    Task<ReserveOutcome> ReserveAsync(ReserveRequest request);

    /// <summary>
    /// The answer to <paramref name="request"/> when it can be given at once without a decision
    /// (a sold-out pool, from committed data); null when <see cref="ReserveAsync"/> must decide.
    /// Lets the crowd that arrives after the numbers are gone be answered without queueing.
    /// </summary>
    ReserveOutcome? AnswerWithoutDeciding(ReserveRequest request) => null;

    Task<CancelOutcome> CancelAsync(string reservationId, CancellationReason reason);

    Task<ChangePoolOutcome> ChangeAsync(PoolChangeRequest change);

    /// <summary>The committed pool, or null when it does not exist.</summary>
    Task<SlotPoolSnapshot?> GetSnapshotAsync();

    Task<Reservation?> GetReservationAsync(string reservationId);

    /// <summary>All reservations in number order, or null when the pool does not exist.</summary>
    Task<IReadOnlyList<Reservation>?> ListReservationsAsync();

    /// <summary>The doctor's day: checked in, in consultation, completed or no-show (<see cref="ReservationTransitions"/>).</summary>
    Task<ReservationStatusOutcome> ChangeReservationStatusAsync(string reservationId, ReservationStatus status);

    /// <summary>Moves the checked-in patient with the lowest number into consultation.</summary>
    Task<CallNextOutcome> CallNextAsync();

    /// <summary>Cancels the session: every held number is released and each patient gets an outbox notice.</summary>
    Task<StopClinicOutcome> StopClinicAsync(string reason);

    /// <summary>After the session plus <paramref name="grace"/>: booked reservations become no-shows and the pool closes.</summary>
    Task<NoShowSweepOutcome> SweepNoShowsAsync(TimeSpan grace);
}

/// <summary>Finds the pool grain for a pool id (Orleans' <c>GetGrain</c>).</summary>
public interface ISlotPoolGrainFactory
{
    ISlotPoolGrain GetSlotPool(string poolId);
}

/// <summary>Which pool a reservation belongs to: a read of committed rows, so ids only become findable once durable.</summary>
public interface IReservationIndex
{
    Task<string?> FindPoolIdAsync(string reservationId, CancellationToken cancellationToken);
}
