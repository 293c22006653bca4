using System.Data.Common;
using OrleansBooking.Grains.Waitlist;
using OrleansBooking.Silo.Storage.Sql;

namespace OrleansBooking.Silo.Storage.Waitlist;

/// <summary>
/// A pool's waitlist as rows of <c>waitlist_entries</c>, read with the pool and written in the
/// pool's batch transaction: each change touches exactly one row, or the whole batch fails.
/// </summary>
internal sealed class WaitlistRows(SqlDialect dialect)
{
    private const string Waiting = "waiting";
    private const string Offered = "offered";

    public async Task<PoolWaitlist> ReadAsync(DbConnection connection, string poolId, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText =
            "SELECT patient_id, turn, joined_at, status, offer_number, offer_visit_time, offered_at, offer_expires_at, lapse " +
            "FROM waitlist_entries WHERE pool_id = @pool";
        SlotPoolRows.Bind(select, "pool", poolId);
        var waiting = new List<WaitlistEntry>();
        var pending = new List<(WaitlistEntry, WaitlistOffer)>();
        var lapsed = new List<string>();
        long lastTurn = 0;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var entry = new WaitlistEntry(reader.GetString(0), Convert.ToInt64(reader.GetValue(1)), dialect.ReadInstant(reader, 2));
                lastTurn = Math.Max(lastTurn, entry.Turn);
                switch (reader.GetString(3))
                {
                    case Waiting:
                        waiting.Add(entry);
                        break;
                    case Offered:
                        pending.Add((entry, new WaitlistOffer(entry.PatientId, Convert.ToInt32(reader.GetValue(4)),
                            dialect.ReadInstant(reader, 5), dialect.ReadInstant(reader, 6), dialect.ReadInstant(reader, 7))));
                        break;
                    case "lapsed":
                        lapsed.Add(entry.PatientId);
                        break;
                }
            }
        }
        var waitlist = new PoolWaitlist();
        waitlist.Restore(waiting, pending, lapsed, lastTurn);
        return waitlist;
    }

    public async Task WriteAsync(StoreTransaction transaction, string poolId, IReadOnlyList<WaitlistChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            await using var command = transaction.CreateCommand(Statement(change));
            SlotPoolRows.Bind(command, "pool", poolId);
            Bind(command, change);
            var touched = await command.ExecuteNonQueryAsync(cancellationToken);
            // A join replaces an ended row (DELETE + INSERT in one command): 1 or 2 rows.
            if (touched < 1)
                throw new InvalidOperationException(
                    $"Pool '{poolId}': the waitlist change {change.GetType().Name} touched no row; the stored waitlist is not what the pool expected. Nothing was written.");
        }
    }

    private static string Statement(WaitlistChange change) => change switch
    {
        WaitlistJoined =>
            "DELETE FROM waitlist_entries WHERE pool_id = @pool AND patient_id = @patient AND status NOT IN ('waiting', 'offered'); " +
            "INSERT INTO waitlist_entries (pool_id, patient_id, turn, joined_at, status) VALUES (@pool, @patient, @turn, @at, 'waiting')",
        WaitlistLeft =>
            "UPDATE waitlist_entries SET status = 'left', ended_at = @at WHERE pool_id = @pool AND patient_id = @patient AND status = 'waiting'",
        WaitlistOfferMade =>
            "UPDATE waitlist_entries SET status = 'offered', offer_number = @number, offer_visit_time = @visit, offered_at = @at, " +
            "offer_expires_at = @expires WHERE pool_id = @pool AND patient_id = @patient AND status = 'waiting'",
        WaitlistOfferLapsed =>
            "UPDATE waitlist_entries SET status = 'lapsed', lapse = @lapse, ended_at = @at WHERE pool_id = @pool AND patient_id = @patient AND status = 'offered'",
        WaitlistWithdrawn =>
            "UPDATE waitlist_entries SET status = 'lapsed', lapse = 'withdrawn', ended_at = @at " +
            "WHERE pool_id = @pool AND patient_id = @patient AND status IN ('waiting', 'offered')",
        WaitlistOfferTaken =>
            "UPDATE waitlist_entries SET status = 'taken', reservation_id = @reservation, ended_at = @at " +
            "WHERE pool_id = @pool AND patient_id = @patient AND status = 'offered'",
        _ => throw new ArgumentException($"Unknown waitlist change {change.GetType().Name}.", nameof(change)),
    };

    private void Bind(DbCommand command, WaitlistChange change)
    {
        switch (change)
        {
            case WaitlistJoined joined:
                SlotPoolRows.Bind(command, "patient", joined.Entry.PatientId);
                SlotPoolRows.Bind(command, "turn", joined.Entry.Turn);
                SlotPoolRows.Bind(command, "at", dialect.Instant(joined.Entry.JoinedAt));
                break;
            case WaitlistLeft left:
                SlotPoolRows.Bind(command, "patient", left.PatientId);
                SlotPoolRows.Bind(command, "at", dialect.Instant(left.At));
                break;
            case WaitlistOfferMade made:
                SlotPoolRows.Bind(command, "patient", made.Offer.PatientId);
                SlotPoolRows.Bind(command, "number", made.Offer.SequenceNumber);
                SlotPoolRows.Bind(command, "visit", dialect.Instant(made.Offer.VisitTime));
                SlotPoolRows.Bind(command, "at", dialect.Instant(made.Offer.OfferedAt));
                SlotPoolRows.Bind(command, "expires", dialect.Instant(made.Offer.ExpiresAt));
                break;
            case WaitlistOfferLapsed lapsed:
                SlotPoolRows.Bind(command, "patient", lapsed.PatientId);
                SlotPoolRows.Bind(command, "lapse", SnakeCase<OfferLapse>.Name(lapsed.Lapse));
                SlotPoolRows.Bind(command, "at", dialect.Instant(lapsed.At));
                break;
            case WaitlistWithdrawn withdrawn:
                SlotPoolRows.Bind(command, "patient", withdrawn.PatientId);
                SlotPoolRows.Bind(command, "at", dialect.Instant(withdrawn.At));
                break;
            case WaitlistOfferTaken taken:
                SlotPoolRows.Bind(command, "patient", taken.PatientId);
                SlotPoolRows.Bind(command, "reservation", taken.ReservationId);
                SlotPoolRows.Bind(command, "at", dialect.Instant(taken.At));
                break;
        }
    }
}
