using Microsoft.Extensions.Logging;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.Lottery;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// The draw in the pool grain. During the window every request is an entry and nobody gets a
/// number; at its close a grain timer (re-armed on activation, so a restart still draws) runs
/// <see cref="LotteryDraw"/> over the entries and raises the winners' reservations in the same
/// batch as the draw's record, so the draw is durable as one batch and happens once: a drawn pool
/// is marked drawn in its state. Afterwards the numbers left go first come, first served.
/// </summary>
internal sealed partial class SlotPoolGrain
{
    // After a failed draw write (database down) the timer waits this long before drawing again;
    // the same seed and entries draw the same result.
    private static readonly TimeSpan DrawRetryDelay = TimeSpan.FromSeconds(5);

    private IGrainTimer? drawTimer;

    // The entrants of a draw raised but not yet told (they are told once it is durable).
    private List<DrawnEntrant>? untoldEntrants;

    /// <summary>A new pool that draws gets its seed here, once, so it is stored with the pool from the start.</summary>
    private static PoolDefinition WithLotterySeed(PoolDefinition definition) =>
        definition.LotteryWindow is null ? definition with { LotterySeed = null } : definition with { LotterySeed = LotterySeed.New() };

    /// <summary>Why the pool cannot switch to <paramref name="allocation"/> now, or null when it can (or nothing changes).</summary>
    private ChangePoolOutcome? RefuseAllocation(AllocationChange? allocation, DateTimeOffset now)
    {
        if (allocation is null || State.Definition is not { } pool || allocation.Window == pool.LotteryWindow) return null;
        // Entries are made only after the release, so a pool not yet released has none to lose.
        if (State.Reservations.Count() is > 0 and var count) return new ChangePoolOutcome.HasReservations(count);
        if (now >= pool.ReleaseAt) return new ChangePoolOutcome.ReleasePassed(pool.ReleaseAt);
        return null;
    }

    /// <summary>Raises a switch <see cref="RefuseAllocation"/> let through; a pool set to draw keeps the seed it had, or gets one now.</summary>
    private void ChangeAllocation(AllocationChange? allocation)
    {
        if (allocation is null || State.Definition is not { } pool || allocation.Window == pool.LotteryWindow) return;
        var seed = allocation.Window is null ? null : pool.LotterySeed ?? LotterySeed.New();
        commit.Raise(new AllocationChanged(allocation.Window, seed));
        ArmDrawTimer(TimeSpan.Zero);
    }

    /// <summary>
    /// The entry a request in the window makes (or made: one per patient), or null when the pool
    /// does not draw or its window is over. Pools without a draw pay one field check.
    /// </summary>
    private static ReserveOutcome? JudgeLottery(SlotPoolState state, PoolDefinition pool, ReserveRequest request, DateTimeOffset now)
    {
        if (pool.LotteryWindow is not { } window || state.Lottery.IsDrawn || !window.IsOpenAt(pool.ReleaseAt, now)) return null;
        var closesAt = window.ClosesAt(pool.ReleaseAt);
        return state.Lottery.EntryOf(request.PatientId) is { } earlier
            ? new ReserveOutcome.Entered(earlier, closesAt, Replayed: true)
            : new ReserveOutcome.Entered(new LotteryEntry(request.PatientId, now, request.IdempotencyKey), closesAt, Replayed: false);
    }

    /// <summary>Raises what a reservation attempt decided for the draw: a new entry. True when it did.</summary>
    private bool RaiseLotteryEntry(ReserveOutcome outcome)
    {
        if (outcome is not ReserveOutcome.Entered { Replayed: false } entered) return false;
        commit.Raise(new LotteryEntered(entered.Entry));
        return true;
    }

    /// <summary>
    /// Draws when the window has closed and the pool has not drawn: before any request after the
    /// close is judged, so nobody is served first come, first served ahead of the winners.
    /// </summary>
    private void DrawIfDue(DateTimeOffset now)
    {
        if (State.Definition is not { LotteryWindow: { } window, LotterySeed: { } seed } pool) return;
        if (State.Lottery.IsDrawn || State.Status != PoolStatus.Open || now < window.ClosesAt(pool.ReleaseAt)) return;

        var entries = State.Lottery.Entries.ToDictionary(e => e.PatientId, StringComparer.Ordinal);
        var tickets = LotteryDraw.Draw(seed, entries.Keys, State.FreeNumbersUpTo(pool.Quota));
        commit.Raise(new LotteryDrawn(tickets, now));
        untoldEntrants = new List<DrawnEntrant>(tickets.Count);
        foreach (var ticket in tickets)
        {
            Reservation? won = null;
            if (ticket.SequenceNumber is { } number)
            {
                won = NewReservation(pool, new ReserveRequest(ticket.PatientId, entries[ticket.PatientId].IdempotencyKey), number, now);
                RaiseReservation(won);
            }
            commit.Raise(new LotteryResultQueued(new LotteryResultNotice(
                LotteryResultNotice.IdFor(pool.PoolId, ticket.PatientId), pool.PoolId, ticket.PatientId,
                won?.SequenceNumber, won?.VisitTime, won?.ReservationId, now)));
            untoldEntrants.Add(new DrawnEntrant(ticket.PatientId, won));
        }
    }

    /// <summary>
    /// Tells the entrants' limits the result once the draw has committed (a draw undone by a failed
    /// write is drawn again and told then). One-way: the pool never waits on a patient grain, which
    /// may itself be waiting on this pool. Lost with the silo before it is sent, the patient grain
    /// finds the result in the database instead (its entries stop counting at the draw, and it re-reads).
    /// </summary>
    private void TellEntrantsOnceDrawn()
    {
        if (untoldEntrants is not { } entrants || !commit.Committed.Lottery.IsDrawn || State.Definition is not { } pool) return;
        untoldEntrants = null;
        drawListener.EntrantsDrawn(pool, entrants);
    }

    /// <summary>Sets the timer for the window's close (at once when it is over and nothing is drawn). KeepAlive: the pool stays until it has drawn.</summary>
    private void ArmDrawTimer(TimeSpan minimumDelay)
    {
        drawTimer?.Dispose();
        drawTimer = null;
        if (State.Definition is not { LotteryClosesAt: { } closesAt } || State.Lottery.IsDrawn || State.Status != PoolStatus.Open) return;
        var delay = closesAt - clock.GetUtcNow();
        if (delay < minimumDelay) delay = minimumDelay;
        drawTimer = this.RegisterGrainTimer(OnDrawTimerAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan)
        {
            KeepAlive = true,
            Interleave = false,
        });
    }

    private async Task OnDrawTimerAsync(CancellationToken cancellationToken)
    {
        if (commit.IsStale) return;
        var retryDelay = TimeSpan.Zero;
        try
        {
            DrawIfDue(clock.GetUtcNow());
            await commit.WhenDurableAsync();
            TellEntrantsOnceDrawn();
        }
        catch (GrainStorageException exception)
        {
            // Undone: not drawn, so the next tick draws again, to the same result.
            logger.LogWarning(exception, "Pool {PoolId} could not record its draw; retrying", this.GetPrimaryKeyString());
            retryDelay = DrawRetryDelay;
        }
        // Still undrawn (the release was moved later, or the write failed): wait for the close again.
        if (!commit.IsStale) ArmDrawTimer(retryDelay);
    }
}
