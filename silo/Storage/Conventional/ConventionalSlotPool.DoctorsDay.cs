using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Conventional;

/// <summary>The doctor's day on the conventional engine: the grain's rules, each call one locking transaction.</summary>
internal sealed partial class ConventionalSlotPool
{
    public async Task<ReservationStatusOutcome> ChangeReservationStatusAsync(string reservationId, ReservationStatus status)
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, CancellationToken.None);
        if (await LockPoolAsync(transaction) is not { } stored ||
            await FindReservationAsync(transaction, "reservation_id", reservationId) is not { } reservation)
            return new ReservationStatusOutcome.ReservationNotFound();
        if (reservation.Status == status && ReservationTransitions.IsDoctorsDayStatus(status))
            return new ReservationStatusOutcome.Changed(reservation, Repeated: true);
        if (!ReservationTransitions.IsAllowed(reservation.Status, status))
            return new ReservationStatusOutcome.InvalidTransition(reservation.Status, status);
        var now = clock.GetUtcNow();
        if (DoctorsDayHours.Refusal(status, stored.Definition, now, rules, doctorsDay, zone) is { } notNow) return notNow;

        await MoveAsync(transaction, [new ReservationStatusChanged(reservationId, reservation.Status, status, now)]);
        await BumpVersionAsync(transaction, now, closePool: false);
        await transaction.CommitAsync(CancellationToken.None);
        return new ReservationStatusOutcome.Changed(reservation with { Status = status });
    }

    public async Task<CallNextOutcome> CallNextAsync()
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, CancellationToken.None);
        if (await LockPoolAsync(transaction) is not { } stored) return new CallNextOutcome.PoolNotFound();
        var now = clock.GetUtcNow();
        if (DoctorsDayHours.Refusal(ReservationStatus.InConsultation, stored.Definition, now, rules, doctorsDay, zone) is { } notNow)
            return new CallNextOutcome.OutsideHours(notNow);
        var next = (await ListAsync(transaction, "r.status = 'checked_in'")).MinBy(r => r.SequenceNumber);
        if (next is null) return new CallNextOutcome.NobodyWaiting();

        await MoveAsync(transaction, [new ReservationStatusChanged(next.ReservationId, next.Status, ReservationStatus.InConsultation, now)]);
        await BumpVersionAsync(transaction, now, closePool: false);
        await transaction.CommitAsync(CancellationToken.None);
        return new CallNextOutcome.Called(next with { Status = ReservationStatus.InConsultation });
    }

    public async Task<WithdrawNoShowOutcome> WithdrawNoShowAsync(string reservationId)
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, CancellationToken.None);
        if (await LockPoolAsync(transaction) is null ||
            await FindReservationAsync(transaction, "reservation_id", reservationId) is not { } reservation)
            return new WithdrawNoShowOutcome.ReservationNotFound();
        if (reservation.Status != ReservationStatus.NoShow) return new WithdrawNoShowOutcome.NotANoShow(reservation.Status);

        var now = clock.GetUtcNow();
        await CancelReservationsAsync(transaction, [new ReservationCancelled(reservationId, CancellationReason.AdminAction, now)]);
        await BumpVersionAsync(transaction, now, closePool: false);
        await transaction.CommitAsync(CancellationToken.None);
        return new WithdrawNoShowOutcome.Withdrawn(reservation with
        {
            Status = ReservationStatus.Cancelled,
            CancelledAt = now,
            CancellationReason = CancellationReason.AdminAction,
        });
    }

    public async Task<StopClinicOutcome> StopClinicAsync(string reason)
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, CancellationToken.None);
        if (await LockPoolAsync(transaction) is not { } stored) return new StopClinicOutcome.PoolNotFound();
        if (stored.Status == PoolStatus.Cancelled) return new StopClinicOutcome.AlreadyStopped();

        var now = clock.GetUtcNow();
        var booked = (await CountNumbersAsync(transaction)).Booked;
        var cancelled = await CancelEveryReservationAndNotifyAsync(transaction, stored.Definition, reason, now);
        await using (var update = transaction.CreateCommand(
                         "UPDATE pools SET status = @status, version = version + 1, updated_at = @updated WHERE pool_id = @pool"))
        {
            SlotPoolRows.Bind(update, "status", SlotPoolRows.StatusName(PoolStatus.Cancelled));
            SlotPoolRows.Bind(update, "updated", dialect.Instant(now));
            SlotPoolRows.Bind(update, "pool", poolId);
            await update.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync(CancellationToken.None);
        var pool = new SlotPoolSnapshot(stored.Definition, PoolStatus.Cancelled, booked - cancelled.Count, stored.Version + 1);
        return new StopClinicOutcome.Stopped(pool, cancelled);
    }

    public async Task<NoShowSweepOutcome> SweepNoShowsAsync(TimeSpan grace)
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, CancellationToken.None);
        if (await LockPoolAsync(transaction) is not { } stored) return new NoShowSweepOutcome.PoolNotFound();
        var now = clock.GetUtcNow();
        var dueAt = rules.SessionEnd(stored.Definition, zone) + grace;
        if (now < dueAt) return new NoShowSweepOutcome.NotDue(dueAt);

        var absent = (await ListAsync(transaction, "r.status = 'booked'")).OrderBy(r => r.SequenceNumber).ToList();
        await MoveAsync(transaction, absent.Select(r => new ReservationStatusChanged(r.ReservationId, r.Status, ReservationStatus.NoShow, now)).ToList());
        await BumpVersionAsync(transaction, now, closePool: stored.Status == PoolStatus.Open);
        await transaction.CommitAsync(CancellationToken.None);
        return new NoShowSweepOutcome.Swept(absent.Select(r => r with { Status = ReservationStatus.NoShow }).ToList());
    }

    /// <summary>Stop-clinic: cancels every held number and queues one outbox notice per patient, in the caller's transaction.</summary>
    private async Task<List<Reservation>> CancelEveryReservationAndNotifyAsync(
        StoreTransaction transaction, PoolDefinition pool, string? reason, DateTimeOffset now)
    {
        var held = (await ListAsync(transaction, "r.status IN ('booked', 'pending_payment')")).OrderBy(r => r.SequenceNumber).ToList();
        await CancelReservationsAsync(
            transaction, held.Select(r => new ReservationCancelled(r.ReservationId, CancellationReason.DoctorUnavailable, now)).ToList());
        var notices = held.Select(r => new ClinicStopNotice(
            Guid.NewGuid().ToString("N"), r.PatientId, r.ReservationId, poolId, pool.DoctorId, pool.Date, pool.Session,
            r.SequenceNumber, r.VisitTime, reason, now)).Select(NotificationOutbox.StopClinic).ToList();
        await NotificationOutbox.WriteAsync(transaction, dialect, notices, CancellationToken.None);
        return held.Select(r => r with
        {
            Status = ReservationStatus.Cancelled,
            CancelledAt = now,
            CancellationReason = CancellationReason.DoctorUnavailable,
        }).ToList();
    }

    private async Task MoveAsync(StoreTransaction transaction, IReadOnlyList<ReservationStatusChanged> moves)
    {
        if (moves.Count == 0) return;
        var touched = await dialect.WriteReservationChangesAsync(transaction, poolId, moves, CancellationToken.None);
        if (touched != moves.Count)
            throw new InvalidOperationException($"Pool '{poolId}': {moves.Count} reservations to move, {touched} rows changed.");
    }

    private async Task BumpVersionAsync(StoreTransaction transaction, DateTimeOffset now, bool closePool)
    {
        var sql = closePool
            ? "UPDATE pools SET status = 'closed', version = version + 1, updated_at = @updated WHERE pool_id = @pool"
            : BumpVersion;
        await using var bump = transaction.CreateCommand(sql);
        SlotPoolRows.Bind(bump, "pool", poolId);
        SlotPoolRows.Bind(bump, "updated", dialect.Instant(now));
        await bump.ExecuteNonQueryAsync();
    }
}
