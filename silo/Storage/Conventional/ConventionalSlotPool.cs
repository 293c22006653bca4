using System.Data.Common;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Conventional;

/// <summary>
/// One pool served straight from the database: each call is its own transaction that locks the
/// pools row (SELECT … FOR UPDATE on MySQL, BEGIN IMMEDIATE on SQLite), checks with queries,
/// writes and commits. Same contract and outcomes as the slot pool grain (<see cref="ISlotPoolGrain"/>); it exists to be
/// measured against it. Every write also bumps the pool's version, as the actor engine does.
/// </summary>
internal sealed partial class ConventionalSlotPool(
    string poolId, SqlDialect dialect, TimeProvider clock, SlotPoolRules rules, DoctorsDayOptions doctorsDay, TimeZoneInfo zone)
    : ISlotPoolGrain
{
    // booked, highest held number, lowest free number (1 when 1 is free, else the number after the
    // lowest held number whose successor is free).
    private const string CountNumbers =
        "SELECT COUNT(active_sequence), COALESCE(MAX(active_sequence), 0), " +
        "CASE WHEN EXISTS (SELECT 1 FROM reservations WHERE pool_id = @pool AND active_sequence = 1) " +
        "THEN (SELECT MIN(h.active_sequence) + 1 FROM reservations h WHERE h.pool_id = @pool AND h.active_sequence IS NOT NULL " +
        "AND NOT EXISTS (SELECT 1 FROM reservations n WHERE n.pool_id = @pool AND n.active_sequence = h.active_sequence + 1)) " +
        "ELSE 1 END FROM reservations WHERE pool_id = @pool";

    private const string BumpVersion = "UPDATE pools SET version = version + 1, updated_at = @updated WHERE pool_id = @pool";

    private readonly SlotPoolRows rows = new(dialect);

    // Every attempt is its own locking transaction here: there is no committed view to answer from.
    public Task<ReserveOutcome?> AnswerIfSoldOutAsync(ReserveRequest request) => Task.FromResult<ReserveOutcome?>(null);

    public Task<SoldOutView?> GetSoldOutViewAsync() => Task.FromResult<SoldOutView?>(null);

    public async Task<CreatePoolOutcome> CreateAsync(PoolDefinition definition)
    {
        var pool = definition with { PoolId = poolId };
        var now = clock.GetUtcNow();
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        // Insert first and let the primary key decide: locking a row that does not exist yet
        // would take gap locks on MySQL, and two creators would deadlock on them.
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = SlotPoolRows.InsertPool;
            rows.BindPoolDefinition(insert, pool, PoolStatus.Open);
            SlotPoolRows.Bind(insert, "version", 1L);
            SlotPoolRows.Bind(insert, "created", dialect.Instant(now));
            SlotPoolRows.Bind(insert, "updated", dialect.Instant(now));
            try
            {
                await insert.ExecuteNonQueryAsync();
                return new CreatePoolOutcome.Created(new SlotPoolSnapshot(pool with { Fee = SlotPoolRows.StoredFee(pool.Fee) }, PoolStatus.Open, 0, 1));
            }
            catch (DbException e) when (dialect.IsDuplicateKey(e))
            {
                // Exists already: report it as stored.
            }
        }
        return new CreatePoolOutcome.PoolExists(await GetSnapshotAsync()
            ?? throw new InvalidOperationException($"Pool '{poolId}' was reported as existing but cannot be read."));
    }

    public async Task<ReserveOutcome> ReserveAsync(ReserveRequest request)
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, CancellationToken.None);
        if (await LockPoolAsync(transaction) is not { } stored) return new ReserveOutcome.PoolNotFound();
        var pool = stored.Definition;

        // A retried attempt gets what the first attempt got, whatever changed since.
        if (request.IdempotencyKey is { } key && await FindReservationAsync(transaction, "idempotency_key", key) is { } earlier)
            return ReserveOutcome.Replay(earlier, request);

        if (stored.Status is PoolStatus.Closed or PoolStatus.Cancelled) return new ReserveOutcome.PoolClosed(stored.Status);
        var now = clock.GetUtcNow();
        if (now < pool.ReleaseAt) return new ReserveOutcome.NotReleased(pool.ReleaseAt);
        if (await FindReservationAsync(transaction, "active_patient_id", request.PatientId) is { } held)
            return new ReserveOutcome.AlreadyBooked(held);
        var numbers = await CountNumbersAsync(transaction);
        if (numbers.Booked >= pool.Quota) return new ReserveOutcome.SoldOut();

        var reservation = Reservation.Booked(poolId, request, numbers.LowestFree, rules.VisitTime(pool, numbers.LowestFree, zone), now);
        await using (var insert = transaction.CreateCommand(
                         SlotPoolRows.InsertReservationPrefix + SlotPoolRows.Row(SlotPoolRows.ReservationParameters) + ";\n" + BumpVersion))
        {
            SlotPoolRows.BindValues(insert, rows.ReservationValues(reservation));
            SlotPoolRows.Bind(insert, "pool", poolId);
            SlotPoolRows.Bind(insert, "updated", dialect.Instant(now));
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync(CancellationToken.None);
        return new ReserveOutcome.Reserved(reservation, Replayed: false);
    }

    public async Task<CancelOutcome> CancelAsync(string reservationId, CancellationReason reason)
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, CancellationToken.None);
        if (await LockPoolAsync(transaction) is not { } stored ||
            await FindReservationAsync(transaction, "reservation_id", reservationId) is not { } reservation)
            return new CancelOutcome.ReservationNotFound();
        if (reservation.Status == ReservationStatus.Cancelled) return new CancelOutcome.Cancelled(reservation);
        if (reservation.Status is not (ReservationStatus.Booked or ReservationStatus.PendingPayment))
            return new CancelOutcome.NotCancellable(reservation.Status);

        var now = clock.GetUtcNow();
        if (reason == CancellationReason.PatientRequest)
        {
            var deadline = rules.CancellationDeadline(stored.Definition, zone);
            if (now >= deadline) return new CancelOutcome.CancellationClosed(deadline);
        }

        await CancelReservationsAsync(transaction, [new ReservationCancelled(reservationId, reason, now)]);
        await using (var bump = transaction.CreateCommand(BumpVersion))
        {
            SlotPoolRows.Bind(bump, "pool", poolId);
            SlotPoolRows.Bind(bump, "updated", dialect.Instant(now));
            await bump.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync(CancellationToken.None);
        return new CancelOutcome.Cancelled(reservation with
        {
            Status = ReservationStatus.Cancelled,
            CancelledAt = now,
            CancellationReason = reason,
        });
    }

    public async Task<ChangePoolOutcome> ChangeAsync(PoolChangeRequest change)
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, CancellationToken.None);
        if (await LockPoolAsync(transaction) is not { } stored) return new ChangePoolOutcome.PoolNotFound();
        if (stored.Status == PoolStatus.Cancelled) return new ChangePoolOutcome.PoolCancelled();

        var numbers = await CountNumbersAsync(transaction);
        if (change.Quota is { } quota)
        {
            var minimum = Math.Max(1, numbers.HighestHeld);
            if (quota < minimum) return new ChangePoolOutcome.QuotaBelowBooked(minimum, numbers.Booked);
        }

        var now = clock.GetUtcNow();
        var definition = stored.Definition with
        {
            Quota = change.Quota ?? stored.Definition.Quota,
            ReleaseAt = change.ReleaseAt ?? stored.Definition.ReleaseAt,
        };
        // "Scheduled" is not stored: asking for it means open, waiting for the release instant.
        var status = change.Status is PoolStatus.Scheduled ? PoolStatus.Open : change.Status ?? stored.Status;
        if (definition == stored.Definition && status == stored.Status)
            return new ChangePoolOutcome.Changed(new SlotPoolSnapshot(definition, status, numbers.Booked, stored.Version));

        var booked = numbers.Booked;
        if (status == PoolStatus.Cancelled)
        {
            // Stop-clinic: every patient loses the number, whatever the cancellation deadline.
            booked -= (await CancelEveryReservationAndNotifyAsync(transaction, stored.Definition, reason: null, now)).Count;
        }

        await using (var update = transaction.CreateCommand(
                         "UPDATE pools SET quota = @quota, release_at = @release, status = @status, version = version + 1, " +
                         "updated_at = @updated WHERE pool_id = @pool"))
        {
            SlotPoolRows.Bind(update, "quota", definition.Quota);
            SlotPoolRows.Bind(update, "release", dialect.Instant(definition.ReleaseAt));
            SlotPoolRows.Bind(update, "status", SlotPoolRows.StatusName(status));
            SlotPoolRows.Bind(update, "updated", dialect.Instant(now));
            SlotPoolRows.Bind(update, "pool", poolId);
            await update.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync(CancellationToken.None);
        return new ChangePoolOutcome.Changed(new SlotPoolSnapshot(definition, status, booked, stored.Version + 1));
    }

    public async Task<SlotPoolSnapshot?> GetSnapshotAsync()
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        // One statement, so the count belongs to the version it is read with.
        command.CommandText =
            $"SELECT {SlotPoolRows.PoolColumns}, (SELECT COUNT(active_sequence) FROM reservations r WHERE r.pool_id = p.pool_id) " +
            "FROM pools p WHERE p.pool_id = @pool";
        SlotPoolRows.Bind(command, "pool", poolId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        var stored = rows.ReadPool(reader);
        return new SlotPoolSnapshot(stored.Definition, stored.Status, Convert.ToInt32(reader.GetValue(SlotPoolRows.PoolColumnCount)), stored.Version);
    }

    public async Task<Reservation?> GetReservationAsync(string reservationId)
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SlotPoolRows.ReservationColumns} FROM reservations r WHERE r.pool_id = @pool AND r.reservation_id = @value";
        SlotPoolRows.Bind(command, "pool", poolId);
        SlotPoolRows.Bind(command, "value", reservationId);
        return await ReadSingleReservationAsync(command);
    }

    public async Task<IReadOnlyList<Reservation>?> ListReservationsAsync()
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        var stored = await rows.ReadPoolWithReservationsAsync(connection, poolId, CancellationToken.None);
        return stored?.Reservations.OrderBy(r => r.SequenceNumber).ThenBy(r => r.CreatedAt).ToList();
    }

    private async Task<StoredPool?> LockPoolAsync(StoreTransaction transaction)
    {
        await using var command = transaction.CreateCommand($"SELECT {SlotPoolRows.PoolColumns} FROM pools p WHERE p.pool_id = @pool{dialect.LockPoolRow}");
        SlotPoolRows.Bind(command, "pool", poolId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? rows.ReadPool(reader) : null;
    }

    private async Task<Reservation?> FindReservationAsync(StoreTransaction transaction, string column, string value)
    {
        await using var command = transaction.CreateCommand(
            $"SELECT {SlotPoolRows.ReservationColumns} FROM reservations r WHERE r.pool_id = @pool AND r.{column} = @value");
        SlotPoolRows.Bind(command, "pool", poolId);
        SlotPoolRows.Bind(command, "value", value);
        return await ReadSingleReservationAsync(command);
    }

    private async Task<Reservation?> ReadSingleReservationAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? rows.ReadReservation(reader) : null;
    }

    private async Task<List<Reservation>> ListAsync(StoreTransaction transaction, string condition)
    {
        await using var command = transaction.CreateCommand(
            $"SELECT {SlotPoolRows.ReservationColumns} FROM reservations r WHERE r.pool_id = @pool AND {condition}");
        SlotPoolRows.Bind(command, "pool", poolId);
        await using var reader = await command.ExecuteReaderAsync();
        var found = new List<Reservation>();
        while (await reader.ReadAsync()) found.Add(rows.ReadReservation(reader));
        return found;
    }

    private async Task<(int Booked, int HighestHeld, int LowestFree)> CountNumbersAsync(StoreTransaction transaction)
    {
        await using var command = transaction.CreateCommand(CountNumbers);
        SlotPoolRows.Bind(command, "pool", poolId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (Convert.ToInt32(reader.GetValue(0)), Convert.ToInt32(reader.GetValue(1)), Convert.ToInt32(reader.GetValue(2)));
    }

    private async Task CancelReservationsAsync(StoreTransaction transaction, IReadOnlyList<ReservationCancelled> cancellations)
    {
        var touched = await dialect.WriteReservationChangesAsync(transaction, poolId, cancellations, CancellationToken.None);
        if (touched != cancellations.Count)
            throw new InvalidOperationException($"Pool '{poolId}': {cancellations.Count} reservations to cancel, {touched} rows changed.");
    }
}
