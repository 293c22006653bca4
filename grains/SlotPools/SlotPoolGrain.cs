using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.Payments;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// One doctor's session on one day. Every reservation of the pool is decided here, one at a
/// time and synchronously — no await between looking at the state and changing it — so the
/// invariants hold by construction: booked ≤ quota, one active reservation per patient, each held
/// number distinct and within 1..quota.
/// </summary>
/// <remarks>
/// Reentrant only so that callers can wait for their commit while the next decisions are made
/// (<see cref="GroupCommit{TState, TChange}"/>); Orleans still runs one piece of the grain at a
/// time. Reads answer from the committed state, so they never wait behind writes.
/// </remarks>
[Reentrant]
internal sealed partial class SlotPoolGrain(
    IChangeStorage<SlotPoolState, SlotPoolChange> storage,
    IOptions<GrainOptions> options,
    IOptions<SlotPoolRules> slotPoolRules,
    IOptions<PaymentRules> paymentRules,
    IOptions<DoctorsDayOptions> doctorsDayOptions,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    SoldOutViews soldOutViews,
    IDrawListener drawListener,
    ILogger<SlotPoolGrain> logger) : Grain, ISlotPoolGrain
{
    private readonly SlotPoolRules rules = slotPoolRules.Value;
    private readonly TimeZoneInfo zone = slotPoolRules.Value.TimeZone;
    private readonly PaymentRules payment = paymentRules.Value;
    private readonly DoctorsDayOptions doctorsDay = doctorsDayOptions.Value;
    private GroupCommit<SlotPoolState, SlotPoolChange> commit = null!;

    private SlotPoolState State => commit.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        commit = await GroupCommit<SlotPoolState, SlotPoolChange>.LoadAsync(
            key, nameof(SlotPoolGrain), storage, SlotPoolState.Empty, options.Value, logger, this.DeactivateOnIdle,
            onRaise: () => soldOutViews.Forget(key));
        // Holds stored by an earlier activation (another silo, before a restart) expire on time here.
        ArmHoldTimer(TimeSpan.Zero);
        ArmOfferTimer(TimeSpan.Zero);
        ArmDrawTimer(TimeSpan.Zero);
    }

    // An activation leaves memory only after everything it decided is written (or undone).
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => commit.DrainAsync();

    public Task<CreatePoolOutcome> CreateAsync(PoolDefinition definition) => commit.DecideAsync(() => Create(definition));

    private CreatePoolOutcome Create(PoolDefinition definition)
    {
        if (State.Definition is not null) return new CreatePoolOutcome.PoolExists(SnapshotOf(State));
        commit.Raise(new PoolCreated(WithLotterySeed(definition with { PoolId = this.GetPrimaryKeyString() }), clock.GetUtcNow()));
        ArmDrawTimer(TimeSpan.Zero);
        return new CreatePoolOutcome.Created(SnapshotOf(State));
    }

    public async Task<ReserveOutcome> ReserveAsync(ReserveRequest request)
    {
        commit.EnsureCanDecide();
        var now = clock.GetUtcNow();
        // A number whose hold ran out is free again before anyone is told the pool is sold out.
        if (State.HasHolds) ExpireHolds(now);
        LapseDueOffers(now);
        DrawIfDue(now);
        var outcome = Judge(State, request, now);
        if (outcome is ReserveOutcome.Reserved { Replayed: false } made)
        {
            TakeOffer(made.Reservation);
            RaiseReservation(made.Reservation);
        }
        else if (!RaiseLotteryEntry(outcome) && HoldsWhateverCommits(outcome, request, now)) return outcome;
        await commit.WhenDurableAsync();
        TellEntrantsOnceDrawn();
        return outcome;
    }

    public Task<ReserveOutcome?> AnswerIfSoldOutAsync(ReserveRequest request)
    {
        var answer = SoldOutAnswer(request, out var soldOutAsDecided);
        if (answer is not null || !soldOutAsDecided) return Task.FromResult(answer);
        // Sold out as decided, not yet as committed: at the release the last numbers are decided
        // within milliseconds and their write takes longer, and the crowd arriving meanwhile would
        // each load a patient only to wait on this same write in ReserveAsync and hear "sold out".
        // Waiting here instead leaves thousands of patients unloaded in the release's first second.
        return AnswerOnceSettledAsync(request);
    }

    private async Task<ReserveOutcome?> AnswerOnceSettledAsync(ReserveRequest request)
    {
        await commit.WhenSettledAsync();
        // A failed write gave numbers back, and a change decided meanwhile may be in flight: then
        // the pool must decide after all.
        return SoldOutAnswer(request, out _);
    }

    /// <summary>
    /// Sold out when that holds whether or not the writes in flight commit, else null;
    /// <paramref name="soldOutAsDecided"/> says whether the decided state alone would answer sold out.
    /// </summary>
    private ReserveOutcome? SoldOutAnswer(ReserveRequest request, out bool soldOutAsDecided)
    {
        soldOutAsDecided = false;
        var now = clock.GetUtcNow();
        // A hold that has run out but is not yet expired frees a number: the pool must decide.
        if (commit.IsStale || (State.HasHolds && State.EarliestHoldExpiry() <= now) || State.Waitlist.EarliestOfferExpiry() <= now)
            return null;
        var outcome = Judge(State, request, now);
        soldOutAsDecided = outcome is ReserveOutcome.SoldOut;
        return soldOutAsDecided && HoldsWhateverCommits(outcome, request, now) ? outcome : null;
    }

    private static readonly ReserveRequest Newcomer = new(PatientId: "");

    public Task<SoldOutView?> GetSoldOutViewAsync()
    {
        var now = clock.GetUtcNow();
        // Only a settled pool: with writes in flight the committed answer may be about to change.
        if (commit.IsStale || commit.HasUncommittedChanges) return Task.FromResult<SoldOutView?>(null);
        var state = commit.Committed;
        if (Judge(state, Newcomer, now) is not ReserveOutcome.SoldOut) return Task.FromResult<SoldOutView?>(null);

        // A hold or an offer that runs out frees a number: the view ends before it does.
        var validFor = SoldOutView.Lease;
        if (state.EarliestHoldExpiry() is { } hold && hold - now < validFor) validFor = hold - now;
        if (state.Waitlist.EarliestOfferExpiry() is { } offer && offer - now < validFor) validFor = offer - now;
        if (validFor <= TimeSpan.Zero) return Task.FromResult<SoldOutView?>(null);

        var patients = state.Reservations.Where(r => r.Status.HoldsNumber()).Select(r => r.PatientId)
            .Concat(state.Waitlist.Offers.Select(o => o.PatientId)).ToHashSet(StringComparer.Ordinal);
        var attempts = state.Reservations.Select(r => r.IdempotencyKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return Task.FromResult<SoldOutView?>(new SoldOutView(patients, attempts, validFor));
    }

    /// <summary>
    /// True when <paramref name="refusal"/>, decided on <see cref="State"/>, is also what the
    /// committed state answers: then it holds whether the writes in flight commit or fail, and can
    /// be given at once. Anything else must wait for them.
    /// </summary>
    private bool HoldsWhateverCommits(ReserveOutcome refusal, ReserveRequest request, DateTimeOffset now) =>
        !commit.HasUncommittedChanges || Equals(refusal, Judge(commit.Committed, request, now));

    /// <summary>
    /// What <paramref name="state"/> answers <paramref name="request"/> at <paramref name="now"/>,
    /// changing nothing. A new reservation comes back as <c>Reserved</c> with <c>Replayed: false</c>;
    /// the caller raises it.
    /// </summary>
    private ReserveOutcome Judge(SlotPoolState state, ReserveRequest request, DateTimeOffset now)
    {
        if (state.Definition is not { } pool) return new ReserveOutcome.PoolNotFound();

        // A retried attempt gets what the first attempt got, whatever changed since.
        if (request.IdempotencyKey is { } key && state.FindByIdempotencyKey(key) is { } earlier)
            return ReserveOutcome.Replay(earlier, request);

        if (state.Status is PoolStatus.Closed or PoolStatus.Cancelled) return new ReserveOutcome.PoolClosed(state.Status);
        if (now < pool.ReleaseAt) return new ReserveOutcome.NotReleased(pool.ReleaseAt);
        if (JudgeLottery(state, pool, request, now) is { } entry) return entry;
        if (state.FindActiveReservationOf(request.PatientId) is { } held) return new ReserveOutcome.AlreadyBooked(held);
        if (JudgeOffer(state, pool, request, now) is { } offered) return offered;
        // Numbers held for waitlist offers are taken for everyone else.
        if (state.Taken >= pool.Quota) return new ReserveOutcome.SoldOut();

        return new ReserveOutcome.Reserved(NewReservation(pool, request, state.NextFreeNumber(), now), Replayed: false);
    }

    /// <summary>
    /// Cancels a reservation; its number returns to the pool. Patients are held to the
    /// cancellation deadline; the hospital (stop-clinic, admin) is not.
    /// </summary>
    public Task<CancelOutcome> CancelAsync(string reservationId, CancellationReason reason) => commit.DecideAsync(() => Cancel(reservationId, reason));

    private CancelOutcome Cancel(string reservationId, CancellationReason reason)
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

        commit.Raise(new ReservationCancelled(reservationId, reason, now));
        OfferFreedNumbers(now);
        return new CancelOutcome.Cancelled(State.FindReservation(reservationId)!);
    }

    public Task<ChangePoolOutcome> ChangeAsync(PoolChangeRequest change) => commit.DecideAsync(() => Change(change));

    private ChangePoolOutcome Change(PoolChangeRequest change)
    {
        if (State.Definition is null) return new ChangePoolOutcome.PoolNotFound();
        if (State.Status == PoolStatus.Cancelled) return new ChangePoolOutcome.PoolCancelled();

        // Check everything before raising anything: a refused change must change nothing.
        if (change.Quota is { } quota)
        {
            var minimum = Math.Max(1, State.HighestHeldNumber());
            if (quota < minimum) return new ChangePoolOutcome.QuotaBelowBooked(minimum, State.Booked);
        }
        if (RefuseAllocation(change.Allocation, clock.GetUtcNow()) is { } refused) return refused;

        if (change.Quota is { } newQuota && newQuota != State.Definition.Quota) commit.Raise(new QuotaChanged(newQuota));
        if (change.ReleaseAt is { } releaseAt && releaseAt != State.Definition.ReleaseAt) commit.Raise(new ReleaseRescheduled(releaseAt));
        if (change.Status is { } status && status != State.Status) ChangeStatus(status);
        ChangeAllocation(change.Allocation);
        OfferFreedNumbers(clock.GetUtcNow());
        return new ChangePoolOutcome.Changed(SnapshotOf(State));
    }

    private void ChangeStatus(PoolStatus status)
    {
        if (status == PoolStatus.Cancelled)
        {
            CancelEveryReservationAndNotify(reason: null);
            return;
        }
        // "Scheduled" is not stored: asking for it means open, waiting for the release instant.
        commit.Raise(new PoolStatusChanged(status == PoolStatus.Scheduled ? PoolStatus.Open : status));
    }

    public Task<SlotPoolSnapshot?> GetSnapshotAsync() =>
        Task.FromResult(commit.Committed.Definition is null ? null : SnapshotOf(commit.Committed));

    public Task<Reservation?> GetReservationAsync(string reservationId) =>
        Task.FromResult(commit.Committed.FindReservation(reservationId));

    /// <summary>The pool's committed reservations in number order (cancelled ones too), or null when the pool does not exist.</summary>
    public Task<IReadOnlyList<Reservation>?> ListReservationsAsync()
    {
        var committed = commit.Committed;
        return Task.FromResult<IReadOnlyList<Reservation>?>(committed.Definition is null
            ? null
            : committed.Reservations.OrderBy(r => r.SequenceNumber).ThenBy(r => r.CreatedAt).ToList());
    }

    /// <summary>The snapshot of <paramref name="state"/>, stamped with the last committed version.</summary>
    private SlotPoolSnapshot SnapshotOf(SlotPoolState state) => new(state.Definition!, state.Status, state.Taken, commit.Version);
}
