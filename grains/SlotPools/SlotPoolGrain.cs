using OrleansBooking.Grains.Runtime;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// One doctor's session on one day. Every reservation of the pool is decided here, one at a
/// time, so the invariants hold by construction: booked ≤ quota, one active reservation per
/// patient, each held number distinct and within 1..quota.
/// </summary>
public sealed partial class SlotPoolGrain(TimeProvider clock, SlotPoolRules rules, TimeZoneInfo zone) : Grain<SlotPoolState, SlotPoolChange>
{
    // Published for lock-free reads (GET pool during the rush); built only from committed changes.
    private volatile CommittedPool? committed;

    /// <summary>The last committed view; null until the activation has loaded.</summary>
    public CommittedPool? Committed => committed;

    protected override SlotPoolState CreateInitialState(string key) => SlotPoolState.Empty();

    protected override void OnStateLoaded() =>
        committed = CommittedPool.Of(State, State.Definition is null ? null : CurrentSnapshot());

    protected override void OnCommitted(IReadOnlyList<SlotPoolChange> changes) =>
        committed = (committed ?? CommittedPool.Nothing).After(changes, CommittedVersion, id => State.FindReservation(id)!.PatientId);

    /// <summary>
    /// Answers "sold out" from committed data, without a turn, when that is certainly the answer
    /// the pool would give: released, open, every number held at the last commit, and neither the
    /// patient nor the idempotency key known to it (those get their own answers from a turn). Null
    /// when a turn is needed. Safe from any thread: it reads only the published committed view.
    /// </summary>
    public ReserveOutcome? AnswerWithoutTurn(ReserveRequest request)
    {
        var view = committed;
        if (view?.Pool is not { } pool || pool.Remaining > 0 || pool.StatusAt(clock.GetUtcNow()) != PoolStatus.Open) return null;
        if (request.IdempotencyKey is { } key && view.IdempotencyKeys.Contains(key)) return null;
        if (view.Holders.Contains(request.PatientId)) return null;
        return new ReserveOutcome.SoldOut();
    }

    public CreatePoolOutcome Create(PoolDefinition definition)
    {
        if (State.Definition is not null) return new CreatePoolOutcome.PoolExists(CurrentSnapshot());
        Raise(new PoolCreated(definition with { PoolId = Key }, clock.GetUtcNow()));
        return new CreatePoolOutcome.Created(CurrentSnapshot());
    }

    public ReserveOutcome Reserve(ReserveRequest request)
    {
        if (State.Definition is not { } pool) return new ReserveOutcome.PoolNotFound();

        // A retried attempt gets what the first attempt got, whatever changed since.
        if (request.IdempotencyKey is { } key && State.FindByIdempotencyKey(key) is { } earlier)
            return ReserveOutcome.Replay(earlier, request);

        if (State.Status is PoolStatus.Closed or PoolStatus.Cancelled) return new ReserveOutcome.PoolClosed(State.Status);
        var now = clock.GetUtcNow();
        if (now < pool.ReleaseAt) return new ReserveOutcome.NotReleased(pool.ReleaseAt);
        if (State.FindActiveReservationOf(request.PatientId) is { } held) return new ReserveOutcome.AlreadyBooked(held);
        if (State.Booked >= pool.Quota) return new ReserveOutcome.SoldOut();

        var number = State.NextFreeNumber();
        var reservation = Reservation.Booked(pool.PoolId, request, number, rules.VisitTime(pool, number, zone), now);
        Raise(new ReservationMade(reservation));
        return new ReserveOutcome.Reserved(reservation, Replayed: false);
    }

    /// <summary>
    /// Cancels a reservation; its number returns to the pool. Patients are held to the
    /// cancellation deadline; the hospital (stop-clinic, admin) is not.
    /// </summary>
    public CancelOutcome Cancel(string reservationId, CancellationReason reason)
    {
        if (State.Definition is not { } pool || State.FindReservation(reservationId) is not { } reservation)
            return new CancelOutcome.ReservationNotFound();
        if (reservation.Status == ReservationStatus.Cancelled) return new CancelOutcome.Cancelled(reservation);
        if (reservation.Status is not (ReservationStatus.Booked or ReservationStatus.PendingPayment))
            return new CancelOutcome.NotCancellable(reservation.Status);

        var now = clock.GetUtcNow();
        if (reason == CancellationReason.PatientRequest)
        {
            var deadline = rules.CancellationDeadline(pool, zone);
            if (now >= deadline) return new CancelOutcome.CancellationClosed(deadline);
        }

        Raise(new ReservationCancelled(reservationId, reason, now));
        return new CancelOutcome.Cancelled(State.FindReservation(reservationId)!);
    }

    public ChangePoolOutcome Change(PoolChangeRequest change)
    {
        if (State.Definition is null) return new ChangePoolOutcome.PoolNotFound();
        if (State.Status == PoolStatus.Cancelled) return new ChangePoolOutcome.PoolCancelled();

        // Check everything before raising anything: a refused change must change nothing.
        if (change.Quota is { } quota)
        {
            var minimum = Math.Max(1, State.HighestHeldNumber());
            if (quota < minimum) return new ChangePoolOutcome.QuotaBelowBooked(minimum, State.Booked);
        }

        if (change.Quota is { } newQuota && newQuota != State.Definition.Quota) Raise(new QuotaChanged(newQuota));
        if (change.ReleaseAt is { } releaseAt && releaseAt != State.Definition.ReleaseAt) Raise(new ReleaseRescheduled(releaseAt));
        if (change.Status is { } status && status != State.Status) ChangeStatus(status);
        return new ChangePoolOutcome.Changed(CurrentSnapshot());
    }

    private void ChangeStatus(PoolStatus status)
    {
        if (status == PoolStatus.Cancelled)
        {
            CancelEveryReservationAndNotify(reason: null);
            return;
        }
        // "Scheduled" is not stored: asking for it means open, waiting for the release instant.
        Raise(new PoolStatusChanged(status == PoolStatus.Scheduled ? PoolStatus.Open : status));
    }

    public SlotPoolSnapshot? Snapshot() => State.Definition is null ? null : CurrentSnapshot();

    public Reservation? FindReservation(string reservationId) => State.FindReservation(reservationId);

    /// <summary>The pool's reservations in number order (cancelled ones too), or null when the pool does not exist.</summary>
    public IReadOnlyList<Reservation>? ListReservations() =>
        State.Definition is null
            ? null
            : State.Reservations.OrderBy(r => r.SequenceNumber).ThenBy(r => r.CreatedAt).ToList();

    private SlotPoolSnapshot CurrentSnapshot() => new(State.Definition!, State.Status, State.Booked, CommittedVersion);
}
