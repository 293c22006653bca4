using Microsoft.Extensions.Logging;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.Payments;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// Holds in the pool grain: a number pending payment until its hold runs out. Expiry is decided
/// here like every other change, so it happens once: the pool's state says which holds are still
/// pending, and version fencing keeps a second activation from deciding it again. A grain timer on
/// the grain clock fires at the earliest expiry, re-armed from the stored holds on activation; any
/// decision that meets an expired hold (a reservation, a late payment) expires it first anyway.
/// </summary>
internal sealed partial class SlotPoolGrain
{
    // After a failed expiry write (database down) the timer waits this long before trying again.
    private static readonly TimeSpan ExpiryRetryDelay = TimeSpan.FromSeconds(5);

    private IGrainTimer? holdTimer;
    private DateTimeOffset? holdTimerDue;

    /// <summary>The reservation to make for <paramref name="request"/> with <paramref name="number"/>: a hold when payment is on for the pool.</summary>
    private Reservation NewReservation(PoolDefinition pool, ReserveRequest request, int number, DateTimeOffset now)
    {
        var visitTime = rules.VisitTime(pool, number, zone);
        return payment.HoldsFor(pool)
            ? Reservation.Held(pool.PoolId, request, number, visitTime, now, now + payment.HoldLength, Fen.FromYuan(pool.Fee))
            : Reservation.Booked(pool.PoolId, request, number, visitTime, now);
    }

    /// <summary>Raises a new reservation; a hold also queues its payment-due notice and is watched by the expiry timer.</summary>
    private void RaiseReservation(Reservation reservation)
    {
        commit.Raise(new ReservationMade(reservation));
        if (reservation.Status != ReservationStatus.PendingPayment) return;
        commit.Raise(new PaymentNoticeQueued(PaymentNotice.For(reservation, PaymentNotice.Due, reservation.CreatedAt)));
        ArmHoldTimer(TimeSpan.Zero);
    }

    /// <summary>Expires every hold that has run out at <paramref name="now"/>; its number goes back to the pool.</summary>
    private List<Reservation> ExpireHolds(DateTimeOffset now)
    {
        if (!State.HasHolds) return [];
        var expired = State.HoldsExpiredAt(now);
        foreach (var hold in expired)
        {
            commit.Raise(new ReservationCancelled(hold.ReservationId, CancellationReason.PaymentExpired, now));
            commit.Raise(new PaymentNoticeQueued(PaymentNotice.For(hold, PaymentNotice.Expired, now)));
        }
        if (expired.Count > 0) OfferFreedNumbers(now);
        return expired.Select(h => State.FindReservation(h.ReservationId)!).ToList();
    }

    public Task<IReadOnlyList<Reservation>> ExpireDueHoldsAsync() =>
        commit.DecideAsync<IReadOnlyList<Reservation>>(() => ExpireHolds(clock.GetUtcNow()));

    public Task<PayHoldOutcome> PayHoldAsync(string reservationId, long amountFen) => commit.DecideAsync(() => PayHold(reservationId, amountFen));

    private PayHoldOutcome PayHold(string reservationId, long amountFen)
    {
        if (State.FindReservation(reservationId) is not { } reservation) return new PayHoldOutcome.ReservationNotFound();
        if (reservation.WasPaid) return new PayHoldOutcome.Booked(reservation, Repeated: true);
        if (reservation.Status != ReservationStatus.PendingPayment)
            return reservation.CancellationReason == CancellationReason.PaymentExpired
                ? new PayHoldOutcome.HoldExpired(reservation)
                : new PayHoldOutcome.NotPayable(reservation);
        if (reservation.FeeFen != amountFen) return new PayHoldOutcome.AmountMismatch(reservation.FeeFen ?? 0);

        var now = clock.GetUtcNow();
        // Good until, not at, the expiry instant: 14:59.999 of a 15-minute hold still pays.
        if (now >= reservation.HoldExpiresAt)
        {
            ExpireHolds(now);
            return new PayHoldOutcome.HoldExpired(State.FindReservation(reservationId)!);
        }
        commit.Raise(new HoldPaid(reservationId, now, reservation.PatientId));
        return new PayHoldOutcome.Booked(State.FindReservation(reservationId)!, Repeated: false);
    }

    /// <summary>
    /// Makes the timer fire at the earliest hold's expiry (no sooner than <paramref name="minimumDelay"/>).
    /// KeepAlive: a pool with holds stays in memory until they are decided.
    /// </summary>
    private void ArmHoldTimer(TimeSpan minimumDelay)
    {
        if (State.EarliestHoldExpiry() is not { } due)
        {
            StopHoldTimer();
            return;
        }
        var now = clock.GetUtcNow();
        if (due < now + minimumDelay) due = now + minimumDelay;
        if (holdTimerDue is { } armed && armed <= due) return;
        StopHoldTimer();
        holdTimer = this.RegisterGrainTimer(OnHoldTimerAsync, new GrainTimerCreationOptions(due - now, Timeout.InfiniteTimeSpan)
        {
            KeepAlive = true,
            Interleave = false,
        });
        holdTimerDue = due;
    }

    private void StopHoldTimer()
    {
        holdTimer?.Dispose();
        holdTimer = null;
        holdTimerDue = null;
    }

    private async Task OnHoldTimerAsync(CancellationToken cancellationToken)
    {
        StopHoldTimer();
        if (commit.IsStale) return;
        var retryDelay = TimeSpan.Zero;
        try
        {
            ExpireHolds(clock.GetUtcNow());
            await commit.WhenDurableAsync();
        }
        catch (GrainStorageException exception)
        {
            // Undone; the holds are still pending and the next tick tries again.
            logger.LogWarning(exception, "Pool {PoolId} could not expire its holds; retrying", this.GetPrimaryKeyString());
            retryDelay = ExpiryRetryDelay;
        }
        if (!commit.IsStale) ArmHoldTimer(retryDelay);
    }
}
