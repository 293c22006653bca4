using System.Data.Common;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Grains.SlotPools;
using OrleansBooking.Silo.Storage.Lottery;
using OrleansBooking.Silo.Storage.Waitlist;

namespace OrleansBooking.Silo.Storage.Sql;

/// <summary>
/// Slot pool state as rows: a pools row carrying the version, one row per reservation. Each batch
/// is one transaction that checks the version on the pools row before it touches anything else.
/// </summary>
internal sealed class SqlSlotPoolStorage(SqlDialect dialect, TimeProvider clock) : IChangeStorage<SlotPoolState, SlotPoolChange>
{
    private readonly SlotPoolRows rows = new(dialect);
    private readonly WaitlistRows waitlistRows = new(dialect);
    private readonly LotteryRows lotteryRows = new(dialect);

    public async Task<StoredState<SlotPoolState>?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var stored = await rows.ReadPoolWithReservationsAsync(connection, key, cancellationToken);
        if (stored is not { } found) return null;
        var (pool, reservations) = found;
        var state = SlotPoolState.Restore(pool.Definition, pool.Status, pool.CreatedAt, reservations);
        state.RestoreWaitlist(await waitlistRows.ReadAsync(connection, key, cancellationToken));
        if (pool.Definition.LotteryWindow is not null) state.RestoreLottery(await lotteryRows.ReadAsync(connection, key, cancellationToken));
        return new StoredState<SlotPoolState>(state, pool.Version);
    }

    public async Task WriteAsync(string key, long expectedVersion, IReadOnlyList<SlotPoolChange> changes, CancellationToken cancellationToken)
    {
        var batch = SlotPoolBatch.Sort(key, expectedVersion, changes);
        // Shared: at the release, the pools waiting for SQLite's one writer share one fsync.
        await using var transaction = await dialect.BeginSharedWriteAsync(cancellationToken);

        await WritePoolRowAsync(transaction, batch, expectedVersion, cancellationToken);

        var touched = await dialect.WriteReservationChangesAsync(transaction, key, batch.ReservationChanges, cancellationToken);
        if (touched != batch.ReservationChanges.Count)
            throw new InvalidOperationException(
                $"Pool '{key}': the batch should touch {batch.ReservationChanges.Count} reservation rows but touched {touched}; " +
                "a cancelled or moved reservation is missing from the database or not in the status the pool expected. Nothing was written.");
        await waitlistRows.WriteAsync(transaction, key, batch.WaitlistChanges, cancellationToken);
        await lotteryRows.WriteAsync(transaction, key, batch.LotteryChanges, cancellationToken);
        await NotificationOutbox.WriteAsync(transaction, dialect, batch.Outbox, cancellationToken);
        await NotificationOutbox.WriteCancellationsAsync(transaction, dialect, batch.CancellationNotices, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task WritePoolRowAsync(StoreTransaction transaction, SlotPoolBatch batch, long expectedVersion, CancellationToken cancellationToken)
    {
        var now = dialect.Instant(clock.GetUtcNow());
        if (batch.Created is { } created)
        {
            await using var insert = transaction.CreateCommand(SlotPoolRows.InsertPool);
            rows.BindPoolDefinition(insert, created.Definition, batch.Status ?? PoolStatus.Open);
            SlotPoolRows.Bind(insert, "version", 1L);
            SlotPoolRows.Bind(insert, "created", dialect.Instant(created.CreatedAt));
            SlotPoolRows.Bind(insert, "updated", now);
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException e) when (dialect.IsDuplicateKey(e))
            {
                throw new StorageVersionConflictException(batch.PoolId, expectedVersion);
            }
            return;
        }

        var set = "version = @version, updated_at = @updated";
        if (batch.Quota is not null) set += ", quota = @quota";
        if (batch.ReleaseAt is not null) set += ", release_at = @release";
        if (batch.Status is not null) set += ", status = @status";
        if (batch.Allocation is not null) set += ", lottery_window_minutes = @lotteryWindow, lottery_seed = @lotterySeed";
        await using var update = transaction.CreateCommand($"UPDATE pools SET {set} WHERE pool_id = @pool AND version = @expected");
        SlotPoolRows.Bind(update, "version", expectedVersion + 1);
        SlotPoolRows.Bind(update, "updated", now);
        if (batch.Quota is { } quota) SlotPoolRows.Bind(update, "quota", quota);
        if (batch.ReleaseAt is { } releaseAt) SlotPoolRows.Bind(update, "release", dialect.Instant(releaseAt));
        if (batch.Status is { } status) SlotPoolRows.Bind(update, "status", SlotPoolRows.StatusName(status));
        if (batch.Allocation is { } allocation)
        {
            SlotPoolRows.Bind(update, "lotteryWindow", allocation.Window is { } window ? (int)window.Length.TotalMinutes : null);
            SlotPoolRows.Bind(update, "lotterySeed", allocation.Seed?.Hex);
        }
        SlotPoolRows.Bind(update, "pool", batch.PoolId);
        SlotPoolRows.Bind(update, "expected", expectedVersion);
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            throw new StorageVersionConflictException(batch.PoolId, expectedVersion);
    }
}
