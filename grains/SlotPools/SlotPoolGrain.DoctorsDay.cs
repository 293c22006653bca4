namespace OrleansBooking.Grains.SlotPools;

/// <summary>The doctor's day in the pool grain: arrivals, calls, completions, no-shows, stopping the clinic.</summary>
internal sealed partial class SlotPoolGrain
{
    /// <summary>
    /// Moves a reservation along <see cref="ReservationTransitions"/>, within <see cref="DoctorsDayHours"/>.
    /// Asking for the status it already has changes nothing and answers as a success, so a retried tap is harmless.
    /// </summary>
    public Task<ReservationStatusOutcome> ChangeReservationStatusAsync(string reservationId, ReservationStatus status) => commit.DecideAsync(() => ChangeReservationStatus(reservationId, status));

    private ReservationStatusOutcome ChangeReservationStatus(string reservationId, ReservationStatus to)
    {
        if (State.Definition is not { } pool || State.FindReservation(reservationId) is not { } reservation)
            return new ReservationStatusOutcome.ReservationNotFound();
        if (reservation.Status == to && ReservationTransitions.IsDoctorsDayStatus(to))
            return new ReservationStatusOutcome.Changed(reservation, Repeated: true);
        if (!ReservationTransitions.IsAllowed(reservation.Status, to))
            return new ReservationStatusOutcome.InvalidTransition(reservation.Status, to);
        var now = clock.GetUtcNow();
        if (DoctorsDayHours.Refusal(to, pool, now, rules, doctorsDay, zone) is { } notNow) return notNow;

        commit.Raise(new ReservationStatusChanged(reservationId, reservation.Status, to, now));
        return new ReservationStatusOutcome.Changed(State.FindReservation(reservationId)!);
    }

    /// <summary>Calls the checked-in patient with the lowest number into the consulting room.</summary>
    public Task<CallNextOutcome> CallNextAsync() => commit.DecideAsync(CallNext);

    private CallNextOutcome CallNext()
    {
        if (State.Definition is not { } pool) return new CallNextOutcome.PoolNotFound();
        var now = clock.GetUtcNow();
        if (DoctorsDayHours.Refusal(ReservationStatus.InConsultation, pool, now, rules, doctorsDay, zone) is { } notNow)
            return new CallNextOutcome.OutsideHours(notNow);
        var next = State.Reservations.Where(r => r.Status == ReservationStatus.CheckedIn).MinBy(r => r.SequenceNumber);
        if (next is null) return new CallNextOutcome.NobodyWaiting();

        commit.Raise(new ReservationStatusChanged(next.ReservationId, ReservationStatus.CheckedIn, ReservationStatus.InConsultation, now));
        return new CallNextOutcome.Called(State.FindReservation(next.ReservationId)!);
    }

    public Task<WithdrawNoShowOutcome> WithdrawNoShowAsync(string reservationId) => commit.DecideAsync(() => WithdrawNoShow(reservationId));

    private WithdrawNoShowOutcome WithdrawNoShow(string reservationId)
    {
        if (State.Definition is null || State.FindReservation(reservationId) is not { } reservation)
            return new WithdrawNoShowOutcome.ReservationNotFound();
        if (reservation.Status != ReservationStatus.NoShow) return new WithdrawNoShowOutcome.NotANoShow(reservation.Status);

        commit.Raise(new ReservationCancelled(reservationId, CancellationReason.AdminAction, clock.GetUtcNow()));
        return new WithdrawNoShowOutcome.Withdrawn(State.FindReservation(reservationId)!);
    }

    /// <summary>Cancels the session (the same as PATCH status cancelled), with a reason the patients are told.</summary>
    public Task<StopClinicOutcome> StopClinicAsync(string reason) => commit.DecideAsync(() => StopClinic(reason));

    private StopClinicOutcome StopClinic(string reason)
    {
        if (State.Definition is null) return new StopClinicOutcome.PoolNotFound();
        if (State.Status == PoolStatus.Cancelled) return new StopClinicOutcome.AlreadyStopped();
        var cancelled = CancelEveryReservationAndNotify(reason);
        OfferFreedNumbers(clock.GetUtcNow());
        return new StopClinicOutcome.Stopped(SnapshotOf(State), cancelled);
    }

    /// <summary>
    /// Once the session and its <paramref name="grace"/> are over, every reservation still only
    /// booked becomes a no-show, and an open pool closes: the no-shows' numbers return to the pool
    /// (as cancelled ones do), and closing keeps a session that is over from offering them again.
    /// </summary>
    public Task<NoShowSweepOutcome> SweepNoShowsAsync(TimeSpan grace) => commit.DecideAsync(() => SweepNoShows(grace));

    private NoShowSweepOutcome SweepNoShows(TimeSpan grace)
    {
        if (State.Definition is not { } pool) return new NoShowSweepOutcome.PoolNotFound();
        var now = clock.GetUtcNow();
        var dueAt = rules.SessionEnd(pool, zone) + grace;
        if (now < dueAt) return new NoShowSweepOutcome.NotDue(dueAt);

        var absent = State.Reservations.Where(r => r.Status == ReservationStatus.Booked).OrderBy(r => r.SequenceNumber).ToList();
        foreach (var reservation in absent)
            commit.Raise(new ReservationStatusChanged(reservation.ReservationId, ReservationStatus.Booked, ReservationStatus.NoShow, now));
        if (State.Status == PoolStatus.Open) commit.Raise(new PoolStatusChanged(PoolStatus.Closed));
        return new NoShowSweepOutcome.Swept(absent.Select(r => State.FindReservation(r.ReservationId)!).ToList());
    }

    /// <summary>
    /// Stop-clinic: every patient holding a number loses it, whatever the cancellation deadline,
    /// and gets a notice in the outbox, written in the same batch as the cancellation.
    /// </summary>
    private List<Reservation> CancelEveryReservationAndNotify(string? reason)
    {
        var pool = State.Definition!;
        var now = clock.GetUtcNow();
        var held = State.Reservations
            .Where(r => r.Status is ReservationStatus.Booked or ReservationStatus.PendingPayment)
            .OrderBy(r => r.SequenceNumber)
            .ToList();
        foreach (var reservation in held)
        {
            commit.Raise(new ReservationCancelled(reservation.ReservationId, CancellationReason.DoctorUnavailable, now));
            commit.Raise(new ClinicStopNoticeQueued(new ClinicStopNotice(
                NotificationId: Guid.NewGuid().ToString("N"),
                PatientId: reservation.PatientId,
                ReservationId: reservation.ReservationId,
                PoolId: pool.PoolId,
                DoctorId: pool.DoctorId,
                Date: pool.Date,
                Session: pool.Session,
                SequenceNumber: reservation.SequenceNumber,
                VisitTime: reservation.VisitTime,
                Reason: reason,
                CreatedAt: now)));
        }
        EndWaitlistAndNotify(reason, now);
        commit.Raise(new PoolStatusChanged(PoolStatus.Cancelled));
        return held.Select(r => State.FindReservation(r.ReservationId)!).ToList();
    }
}
