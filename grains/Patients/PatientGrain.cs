using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Patients;

/// <summary>
/// One patient. A reservation is two steps inside one turn: take a limit place in memory, ask the
/// pool, then confirm the place (reserved) or give it back (a refusal, or a fault before the pool
/// decided). A fault that leaves the outcome unknown keeps the place, in doubt, until the pool or the
/// database says what happened. Turns never overlap, so a burst of attempts across many pools is
/// decided one by one and cannot exceed a limit.
/// Nothing is written on this path: a reservation (or an entry in a draw) is durable in the pool's
/// rows before the pool answers, and those rows are what the bookings are loaded from. Orleans
/// keeps one activation per patient across the cluster, so the limits hold whichever silo a
/// request arrives at.
/// </summary>
internal sealed partial class PatientGrain(
    IChangeStorage<PatientState, PatientChange> storage,
    ISlotPoolGrainFactory pools,
    PoolVisitDays visitDays,
    IPatientRecords records,
    IOptions<PatientLimits> patientLimits,
    IOptions<GrainOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<PatientGrain> logger) : Grain, IPatientGrain
{
    private readonly PatientLimits limits = patientLimits.Value;
    private GroupCommit<PatientState, PatientChange> commit = null!;
    private PatientProfile? profile;
    private PatientBookings bookings = new([]);

    private PatientState State => commit.State;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        commit = await GroupCommit<PatientState, PatientChange>.LoadAsync(
            Key, nameof(PatientGrain), storage, PatientState.Unregistered, options.Value, logger, this.DeactivateOnIdle);
        profile = State.Removed ? null : State.Profile;
        bookings = PatientBookings.Load(State.LoadedBookings, clock.GetUtcNow());
        KeepUntilDrawn();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => commit.DrainAsync();

    // The activation (OnActivateAsync) is the work.
    public Task PrepareAsync() => Task.CompletedTask;

    public Task<PatientReserveOutcome> ReserveAsync(string poolId, ReserveRequest request) => ReserveAsync(poolId, request, accountId: null);

    public Task<PatientReserveOutcome> ReserveForAccountAsync(string accountId, string poolId, ReserveRequest request) =>
        ReserveAsync(poolId, request, accountId);

    /// <param name="accountId">The signed-in account asking; null when the hospital itself books (tests, tools).</param>
    private async Task<PatientReserveOutcome> ReserveAsync(string poolId, ReserveRequest request, string? accountId)
    {
        commit.EnsureCanDecide();
        // Checked inside the turn, from the profile the grain holds: ownership costs no database read.
        if (await FindProfileAsync() is not { } found || (accountId is not null && found.AccountId != accountId))
            return new PatientReserveOutcome.PatientNotFound();
        request = request with { PatientId = Key };
        var pool = pools.GetSlotPool(poolId);

        var reread = false;
        // A draw due and not told of (the pool's message is one-way): the database says what was won.
        // A place in doubt: the reservation may have committed since, and the read settles it if so.
        if (bookings.HasPlacesInDoubt || bookings.HasEntryDrawnBy(clock.GetUtcNow())) reread = await RereadBookingsAsync();
        // A retry, or a second try at a pool the patient holds, cannot make a new reservation: the
        // pool answers it (the same reservation, or already_booked), whatever the limits or a
        // suspension say now.
        if (IsRetryOrHeld(poolId, request)) return await DecideAtPoolAsync(poolId, pool, request, day: null);

        if (State.Suspension is { } suspension && suspension.IsActiveAt(clock.GetUtcNow()))
            return new PatientReserveOutcome.Suspended(suspension.Until);

        if (await visitDays.FindAsync(poolId, pool) is not { } day) return new PatientReserveOutcome.Decided(new ReserveOutcome.PoolNotFound());

        var exceeded = bookings.Exceeded(day, limits);
        if (exceeded is not null && !reread)
        {
            // Memory may still count a reservation cancelled behind this grain's back (stop-clinic,
            // an admin, another silo): refuse only on what the database says.
            await RereadBookingsAsync();
            if (IsRetryOrHeld(poolId, request)) return await DecideAtPoolAsync(poolId, pool, request, day: null);
            exceeded = bookings.Exceeded(day, limits);
        }
        if (exceeded is { } limit) return new PatientReserveOutcome.LimitReached(limit, Allowed(limit));

        bookings.Hold(poolId, day);
        return await DecideAtPoolAsync(poolId, pool, request, day);
    }

    // A pool whose last answer was lost is asked again with no new place taken: its place in doubt
    // already counts, and the pool answers the original (by key) or already_booked if it committed.
    private bool IsRetryOrHeld(string poolId, ReserveRequest request) =>
        (request.IdempotencyKey is { } key && bookings.Made(poolId, key)) || bookings.Holds(poolId)
        || bookings.IsEntered(poolId, clock.GetUtcNow()) || bookings.IsInDoubt(poolId);

    /// <summary>The second step. <paramref name="day"/> is null when no limit place was taken (a retry).</summary>
    private async Task<PatientReserveOutcome> DecideAtPoolAsync(string poolId, ISlotPoolGrain pool, ReserveRequest request, VisitDay? day)
    {
        ReserveOutcome outcome;
        try
        {
            outcome = await pool.ReserveAsync(request);
        }
        catch (Exception fault) when (NothingWasDecided(fault))
        {
            bookings.Release();
            throw;
        }
        catch
        {
            // The outcome is unknown: Orleans' response timeout (or a lost silo) does not stop the pool,
            // which may commit the reservation after this turn. Re-reading at the next attempt is not
            // enough (the commit may land after the read), so the place stays counted until the pool
            // answers this patient again or a read shows the reservation. The cost is a refusal the
            // patient might not have needed while in doubt; a retry with the same key settles it.
            bookings.Doubt(request.IdempotencyKey);
            throw;
        }
        bookings.Settle(poolId);

        var known = day ?? await visitDays.FindAsync(poolId, pool);
        switch (outcome)
        {
            case ReserveOutcome.Reserved reserved when known is { } visit:
                bookings.Confirm(reserved.Reservation, visit);
                break;
            case ReserveOutcome.Entered entered when known is { } visit:
                bookings.Enter(poolId, visit, entered.DrawAt);
                KeepUntilDrawn();
                break;
            case ReserveOutcome.AlreadyBooked already when known is { } visit:
                bookings.Release();
                bookings.Record(already.Existing, visit);
                break;
            default:
                bookings.Release();
                break;
        }
        return new PatientReserveOutcome.Decided(outcome);
    }

    /// <summary>The pool refused the call before deciding anything (overloaded, or its activation is stale), so a place taken is free.</summary>
    private static bool NothingWasDecided(Exception fault) =>
        fault is GrainOverloadedException or GrainStorageException { IsVersionConflict: true };

    private async Task<bool> RereadBookingsAsync()
    {
        bookings = bookings.ReadBack(await records.ReadBookingsAsync(Key, CancellationToken.None), clock.GetUtcNow());
        return true;
    }

    private int Allowed(LimitKind limit) => limit switch
    {
        LimitKind.DepartmentPerDay => limits.PerDepartmentPerDay,
        LimitKind.PerDay => limits.PerDay,
        _ => limits.PerWeek,
    };

    // Synchronous, so interleaving with a reservation waiting on its pool cannot split a decision.
    public Task ReservationCancelledAsync(string reservationId)
    {
        bookings.MarkCancelled(reservationId);
        return Task.CompletedTask;
    }

    public async Task<NoShowOutcome> RecordNoShowAsync(string reservationId, DateTimeOffset at)
    {
        commit.EnsureCanDecide();
        if (!await IsOnFileAsync()) return new NoShowOutcome.PatientNotFound();
        int counting;
        if (State.HasNoShow(reservationId))
        {
            counting = State.NoShowsCountingAt(at, limits.NoShowWindow);
        }
        else
        {
            commit.Raise(new NoShowRecorded(reservationId, at));
            // Counted before the suspension is raised: from then on these no-shows are paid for.
            counting = State.NoShowsCountingAt(at, limits.NoShowWindow);
            if (counting >= limits.NoShowsBeforeSuspension) commit.Raise(new BookingSuspended(at, at + limits.SuspensionLength));
        }
        var now = clock.GetUtcNow();
        var until = State.Suspension is { } s && s.IsActiveAt(now) ? s.Until : (DateTimeOffset?)null;
        await commit.WhenDurableAsync();
        return new NoShowOutcome.Recorded(counting, until);
    }

    public async Task<PatientWithdrawNoShowOutcome> WithdrawNoShowAsync(string reservationId)
    {
        commit.EnsureCanDecide();
        if (await FindProfileAsync() is null) return new PatientWithdrawNoShowOutcome.PatientNotFound();
        if (State.FindNoShow(reservationId) is not { } noShow) return new PatientWithdrawNoShowOutcome.Withdrawn(WasOnRecord: false, SuspensionLifted: false);

        var now = clock.GetUtcNow();
        // The suspension reached its count with this no-show among those it counted (its window
        // before the suspension began); without it the count falls short, so the suspension ends.
        var caused = State.Suspension is { } suspension && suspension.IsActiveAt(now)
            && noShow.At <= suspension.From && noShow.At > suspension.From - limits.NoShowWindow;
        commit.Raise(new NoShowWithdrawn(reservationId));
        if (caused) commit.Raise(new SuspensionLifted(now));
        await commit.WhenDurableAsync();
        return new PatientWithdrawNoShowOutcome.Withdrawn(WasOnRecord: true, SuspensionLifted: caused);
    }

    public async Task<LiftOutcome> LiftSuspensionAsync()
    {
        commit.EnsureCanDecide();
        if (!await IsOnFileAsync()) return new LiftOutcome.PatientNotFound();
        var now = clock.GetUtcNow();
        if (State.Suspension is not { } suspension || !suspension.IsActiveAt(now)) return new LiftOutcome.Lifted(WasSuspended: false);
        commit.Raise(new SuspensionLifted(now));
        await commit.WhenDurableAsync();
        return new LiftOutcome.Lifted(WasSuspended: true);
    }

    public async Task<PatientManagementOutcome> EditAsync(string accountId, string name, string phone)
    {
        commit.EnsureCanDecide();
        if (await FindProfileAsync() is not { } found || found.AccountId != accountId) return new PatientManagementOutcome.PatientNotFound();
        await records.SaveDetailsAsync(Key, name, phone, CancellationToken.None);
        profile = found with { Name = name, Phone = phone };
        return new PatientManagementOutcome.Done();
    }

    public async Task<PatientManagementOutcome> RemoveAsync(string accountId, DateOnly today)
    {
        commit.EnsureCanDecide();
        if (await FindProfileAsync() is not { } found || found.AccountId != accountId) return new PatientManagementOutcome.PatientNotFound();
        // The truth, not memory: a number cancelled or booked behind this grain's back must count as it is.
        await RereadBookingsAsync();
        var held = bookings.Visits.Count(v => v.Status.HoldsNumber() && v.VisitDate >= today);
        if (held > 0) return new PatientManagementOutcome.BookingsHeld(held);
        await records.RemoveAsync(Key, clock.GetUtcNow(), CancellationToken.None);
        profile = null;
        return new PatientManagementOutcome.Done();
    }

    public async Task<PatientManagementOutcome> AttachAsync(string accountId, int patientsPerAccount)
    {
        commit.EnsureCanDecide();
        if (!await records.AttachAsync(Key, accountId, patientsPerAccount, CancellationToken.None))
            return new PatientManagementOutcome.AccountFull(patientsPerAccount);
        // The next call loads the patient afresh under the new account, suspension and no-shows included.
        this.DeactivateOnIdle();
        return new PatientManagementOutcome.Done();
    }

    /// <summary>Registered, managed or removed: a removed patient's no-shows and suspension still count (they may be attached again).</summary>
    private async ValueTask<bool> IsOnFileAsync() => State.Profile is not null || await FindProfileAsync() is not null;

    /// <summary>
    /// The profile; an unregistered (or removed) activation asks the database each time, so a
    /// patient registered or attached after it activated is found. Adopting one changes no durable
    /// state; the bookings are read with it, as an activation of a registered patient would have loaded them.
    /// </summary>
    private async ValueTask<PatientProfile?> FindProfileAsync()
    {
        if (profile is not null) return profile;
        profile = await records.FindProfileAsync(Key, CancellationToken.None);
        if (profile is not null) await RereadBookingsAsync();
        return profile;
    }
}
