using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.Waitlist;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// The waitlist in the pool grain. A number that comes back (a cancellation, an expired hold, a
/// quota raise, a lapsed offer) is offered to the first patient waiting in the same decision that
/// frees it, so it never reaches the open crowd while someone waits: the offer takes the number
/// out of the free ones until it is accepted (a reservation), declined or runs out. Offers expire on
/// a grain timer on the grain clock, re-armed on activation from the stored offers, as holds do.
/// </summary>
internal sealed partial class SlotPoolGrain : IWaitlistPoolGrain
{
    private IGrainTimer? offerTimer;
    private DateTimeOffset? offerTimerDue;
    private WaitlistRules? waitlistRules;

    // Resolved once, not injected: hosts without a waitlist section still get the defaults.
    private WaitlistRules WaitlistRules =>
        waitlistRules ??= ServiceProvider.GetService<IOptions<WaitlistRules>>()?.Value ?? new WaitlistRules();

    public Task<JoinWaitlistOutcome> JoinWaitlistAsync(string patientId) => commit.DecideAsync(() => JoinWaitlist(patientId));

    private JoinWaitlistOutcome JoinWaitlist(string patientId)
    {
        if (State.Definition is not { } pool) return new JoinWaitlistOutcome.PoolNotFound();
        var now = clock.GetUtcNow();
        LapseDueOffers(now);
        if (State.Waitlist.PlaceOf(pool.PoolId, patientId) is { } place) return new JoinWaitlistOutcome.Joined(place, Repeated: true);
        if (State.Status != PoolStatus.Open) return new JoinWaitlistOutcome.PoolClosed(State.Status);
        if (now < pool.ReleaseAt) return new JoinWaitlistOutcome.NotReleased(pool.ReleaseAt);
        if (now >= SessionStart(pool)) return new JoinWaitlistOutcome.PoolClosed(PoolStatus.Closed);
        if (State.FindActiveReservationOf(patientId) is { } held) return new JoinWaitlistOutcome.AlreadyBooked(held);
        if (State.Taken < pool.Quota) return new JoinWaitlistOutcome.NumbersAvailable(pool.Quota - State.Taken);

        commit.Raise(new WaitlistJoined(new WaitlistEntry(patientId, State.Waitlist.NextTurn, now)));
        return new JoinWaitlistOutcome.Joined(State.Waitlist.PlaceOf(pool.PoolId, patientId)!, Repeated: false);
    }

    public Task<LeaveWaitlistOutcome> LeaveWaitlistAsync(string patientId) => commit.DecideAsync(() => LeaveWaitlist(patientId, declineOnly: false));

    public Task<LeaveWaitlistOutcome> DeclineOfferAsync(string patientId) => commit.DecideAsync(() => LeaveWaitlist(patientId, declineOnly: true));

    private LeaveWaitlistOutcome LeaveWaitlist(string patientId, bool declineOnly)
    {
        var now = clock.GetUtcNow();
        LapseDueOffers(now);
        if (State.Waitlist.OfferFor(patientId) is not null)
        {
            commit.Raise(new WaitlistOfferLapsed(patientId, OfferLapse.Declined, now));
            OfferFreedNumbers(now);
            return new LeaveWaitlistOutcome.Left(DeclinedOffer: true);
        }
        if (declineOnly) return new LeaveWaitlistOutcome.NoOffer(Expired: State.Waitlist.HadOfferLapse(patientId));
        if (!State.Waitlist.IsWaiting(patientId)) return new LeaveWaitlistOutcome.NotWaiting();
        commit.Raise(new WaitlistLeft(patientId, now));
        return new LeaveWaitlistOutcome.Left(DeclinedOffer: false);
    }

    public Task<WaitlistPlace?> GetWaitlistPlaceAsync(string patientId) =>
        Task.FromResult(commit.Committed.Definition is { } pool ? commit.Committed.Waitlist.PlaceOf(pool.PoolId, patientId) : null);

    public Task<int> LapseDueOffersAsync() => commit.DecideAsync(() => LapseDueOffers(clock.GetUtcNow()));

    /// <summary>
    /// What the waitlist answers a reservation attempt, before the open pool is looked at: the offered
    /// number for the patient it is held for; offer_expired or no offer for an accept without one;
    /// null when the attempt is the crowd's (then offered numbers count as taken).
    /// </summary>
    private ReserveOutcome? JudgeOffer(SlotPoolState state, PoolDefinition pool, ReserveRequest request, DateTimeOffset now)
    {
        if (state.Waitlist.OfferFor(request.PatientId) is { } offer && now < offer.ExpiresAt)
            return new ReserveOutcome.Reserved(NewReservation(pool, request, offer.SequenceNumber, now), Replayed: false);
        if (!request.AcceptsOffer) return null;
        return state.Waitlist.HadOfferLapse(request.PatientId) || state.Waitlist.OfferFor(request.PatientId) is not null
            ? new ReserveOutcome.OfferExpired()
            : new ReserveOutcome.NoOffer();
    }

    /// <summary>A reservation about to be raised takes the patient's offer first, so the offered number moves from the offer to it.</summary>
    private void TakeOffer(Reservation reservation)
    {
        if (State.Waitlist.OfferFor(reservation.PatientId) is null) return;
        commit.Raise(new WaitlistOfferTaken(reservation.PatientId, reservation.ReservationId, reservation.CreatedAt));
        ArmOfferTimer(TimeSpan.Zero);
    }

    /// <summary>Offers that ran out lapse; their numbers pass to the next patients waiting. Returns how many lapsed.</summary>
    private int LapseDueOffers(DateTimeOffset now)
    {
        if (!State.Waitlist.HasOffers) return 0;
        var due = State.Waitlist.OffersExpiredAt(now);
        foreach (var offer in due) commit.Raise(new WaitlistOfferLapsed(offer.PatientId, OfferLapse.Expired, now));
        if (due.Count > 0) OfferFreedNumbers(now);
        return due.Count;
    }

    /// <summary>
    /// Brings the waitlist in line with the numbers after a decision that may have freed some:
    /// while the pool is open, released and its session not begun, each free number goes to the
    /// next patient waiting; a pool that closed withdraws the offers pending.
    /// </summary>
    private void OfferFreedNumbers(DateTimeOffset now)
    {
        if (State.Definition is not { } pool) return;
        if (State.Status != PoolStatus.Open)
        {
            foreach (var pending in State.Waitlist.Offers.ToList()) commit.Raise(new WaitlistOfferLapsed(pending.PatientId, OfferLapse.Withdrawn, now));
            ArmOfferTimer(TimeSpan.Zero);
            return;
        }
        if (!State.Waitlist.HasWaiting || now < pool.ReleaseAt) return;
        var sessionStart = SessionStart(pool);
        if (now >= sessionStart) return;

        while (State.Taken < pool.Quota && State.Waitlist.FirstWaiting() is { } next)
        {
            // Someone waiting who meanwhile holds a number here needs no offer.
            if (State.FindActiveReservationOf(next.PatientId) is not null)
            {
                commit.Raise(new WaitlistLeft(next.PatientId, now));
                continue;
            }
            var number = State.NextFreeNumber();
            var expiresAt = now + WaitlistRules.OfferLength;
            commit.Raise(new WaitlistOfferMade(pool.PoolId, new WaitlistOffer(
                next.PatientId, number, rules.VisitTime(pool, number, zone), now, expiresAt < sessionStart ? expiresAt : sessionStart),
                NotificationId: "offer-" + Guid.NewGuid().ToString("N")));
        }
        ArmOfferTimer(TimeSpan.Zero);
    }

    private DateTimeOffset SessionStart(PoolDefinition pool) => rules.VisitTime(pool, 1, zone);

    /// <summary>Makes the offer timer fire at the earliest offer's expiry; KeepAlive keeps the pool in memory while offers are pending.</summary>
    private void ArmOfferTimer(TimeSpan minimumDelay)
    {
        if (State.Waitlist.EarliestOfferExpiry() is not { } due)
        {
            StopOfferTimer();
            return;
        }
        var now = clock.GetUtcNow();
        if (due < now + minimumDelay) due = now + minimumDelay;
        if (offerTimerDue is { } armed && armed <= due) return;
        StopOfferTimer();
        offerTimer = this.RegisterGrainTimer(OnOfferTimerAsync, new GrainTimerCreationOptions(due - now, Timeout.InfiniteTimeSpan)
        {
            KeepAlive = true,
            Interleave = false,
        });
        offerTimerDue = due;
    }

    private void StopOfferTimer()
    {
        offerTimer?.Dispose();
        offerTimer = null;
        offerTimerDue = null;
    }

    private async Task OnOfferTimerAsync(CancellationToken cancellationToken)
    {
        StopOfferTimer();
        if (commit.IsStale) return;
        var retryDelay = TimeSpan.Zero;
        try
        {
            LapseDueOffers(clock.GetUtcNow());
            await commit.WhenDurableAsync();
        }
        catch (GrainStorageException exception)
        {
            // Undone; the offers are still pending and the next tick tries again.
            logger.LogWarning(exception, "Pool {PoolId} could not pass on its lapsed offers; retrying", this.GetPrimaryKeyString());
            retryDelay = ExpiryRetryDelay;
        }
        if (!commit.IsStale) ArmOfferTimer(retryDelay);
    }
}
