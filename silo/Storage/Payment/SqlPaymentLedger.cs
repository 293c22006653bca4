using System.Data.Common;
using OrleansBooking.Api.Payments;
using OrleansBooking.Silo.Storage.Sql;
using static OrleansBooking.Silo.Storage.Payment.SqlRows;

namespace OrleansBooking.Silo.Storage.Payment;

/// <summary>payments, payment_callbacks and refunds (migration 0031).</summary>
internal sealed partial class SqlPaymentLedger(SqlDialect dialect) : IPaymentLedger
{
    private const string PaymentColumns =
        "payment_id, reservation_id, pool_id, patient_id, provider, provider_payment_id, pay_url, amount_fen, currency, status, paid_fen, created_at, paid_at";

    public Task<StoredPayment?> FindAsync(string paymentId, CancellationToken cancellationToken) =>
        FindWhereAsync("payment_id = @id", paymentId, cancellationToken);

    public Task<StoredPayment?> FindForReservationAsync(string reservationId, CancellationToken cancellationToken) =>
        FindWhereAsync("reservation_id = @id", reservationId, cancellationToken);

    private async Task<StoredPayment?> FindWhereAsync(string where, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = Command(connection, $"SELECT {PaymentColumns} FROM payments WHERE {where}", ("id", id));
        return (await ListAsync(select, ReadPayment, cancellationToken)).SingleOrDefault();
    }

    private StoredPayment ReadPayment(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Text(r, 5), Text(r, 6), Convert.ToInt64(r.GetValue(7)),
        r.GetString(8), r.GetString(9), Number(r, 10), dialect.ReadInstant(r, 11), Instant(dialect, r, 12));

    public async Task<StoredPayment> OpenAsync(StoredPayment payment, CancellationToken cancellationToken)
    {
        await using (var connection = await dialect.OpenAsync(cancellationToken))
        await using (var insert = Command(connection,
            dialect.InsertSkippingDuplicates + " payments (" + PaymentColumns + ", updated_at) VALUES " +
            "(@id, @reservation, @pool, @patient, @provider, NULL, NULL, @amount, @currency, @status, NULL, @at, NULL, @at)",
            ("id", payment.PaymentId), ("reservation", payment.ReservationId), ("pool", payment.PoolId), ("patient", payment.PatientId),
            ("provider", payment.Provider), ("amount", payment.AmountFen), ("currency", payment.Currency), ("status", payment.Status),
            ("at", dialect.Instant(payment.CreatedAt))))
            await insert.ExecuteNonQueryAsync(cancellationToken);
        return await FindForReservationAsync(payment.ReservationId, cancellationToken)
            ?? throw new InvalidOperationException($"Payment for reservation {payment.ReservationId} was neither stored nor found.");
    }

    public async Task AttachProviderAsync(string paymentId, ProviderPayment provider, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var update = Command(connection,
            "UPDATE payments SET provider_payment_id = @provider, pay_url = @url, updated_at = @at WHERE payment_id = @id",
            ("provider", provider.ProviderPaymentId), ("url", provider.PayUrl), ("at", dialect.Instant(now)), ("id", paymentId));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string?> FindCallbackResultAsync(string provider, string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await CallbackResultAsync(connection, provider, eventId, cancellationToken);
    }

    private static async Task<string?> CallbackResultAsync(DbConnection connection, string provider, string eventId, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, "SELECT result FROM payment_callbacks WHERE provider = @provider AND event_id = @event",
            ("provider", provider), ("event", eventId));
        return await select.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<string> RecordCallbackAsync(HandledCallback handled, CancellationToken cancellationToken)
    {
        var callback = handled.Callback;
        var at = dialect.Instant(handled.ReceivedAt);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using (var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken))
        {
            await using (var insert = Command(transaction,
                dialect.InsertSkippingDuplicates + " payment_callbacks (provider, event_id, payment_id, provider_payment_id, kind, amount_fen, currency, body, result, received_at) " +
                "VALUES (@provider, @event, @payment, @providerPayment, @kind, @amount, @currency, @body, @result, @at)",
                ("provider", handled.Provider), ("event", callback.EventId), ("payment", callback.PaymentId), ("providerPayment", callback.ProviderPaymentId),
                ("kind", callback.Kind == CallbackKind.Paid ? "paid" : "failed"), ("amount", callback.AmountFen), ("currency", callback.Currency),
                ("body", handled.Body), ("result", handled.Result), ("at", at)))
            {
                // Another silo handled the same event first: its answer stands, and its writes are the ones made.
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
                    return await CallbackResultAsync(connection, handled.Provider, callback.EventId, cancellationToken) ?? handled.Result;
            }
            if (handled.MarksPaid)
            {
                await using var paid = Command(transaction,
                    "UPDATE payments SET status = 'paid', paid_fen = @amount, paid_at = @paidAt, updated_at = @at WHERE payment_id = @payment AND status <> 'paid'",
                    ("amount", callback.AmountFen), ("paidAt", dialect.Instant(callback.OccurredAt)), ("at", at), ("payment", callback.PaymentId));
                await paid.ExecuteNonQueryAsync(cancellationToken);
            }
            if (handled.MarksFailed)
            {
                await using var failed = Command(transaction,
                    "UPDATE payments SET status = 'failed', updated_at = @at WHERE payment_id = @payment AND status = 'created'",
                    ("at", at), ("payment", callback.PaymentId));
                await failed.ExecuteNonQueryAsync(cancellationToken);
            }
            if (handled.RefundReason is { } reason)
            {
                await using var refund = Command(transaction,
                    dialect.InsertSkippingDuplicates + " refunds (refund_id, payment_id, reservation_id, amount_fen, reason, status, attempts, next_attempt_at, created_at) " +
                    "SELECT @refund, payment_id, reservation_id, @amount, @reason, 'pending', 0, @at, @at FROM payments WHERE payment_id = @payment",
                    ("refund", RefundId(callback.PaymentId)), ("amount", callback.AmountFen), ("reason", reason), ("at", at), ("payment", callback.PaymentId));
                await refund.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return handled.Result;
    }

    /// <summary>One refund per payment, its id derived from the payment's, so opening it twice is one refund (and one out_refund_no).</summary>
    private static string RefundId(string paymentId) => "ref" + paymentId;

    public async Task<int> OpenRefundsForCancelledAsync(DateTimeOffset now, string? reservationId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = Command(connection,
            "SELECT p.payment_id, p.reservation_id, p.paid_fen FROM payments p JOIN reservations r ON r.reservation_id = p.reservation_id " +
            "WHERE p.status = 'paid' AND p.paid_fen > 0 AND r.status = 'cancelled' " +
            "AND NOT EXISTS (SELECT 1 FROM refunds f WHERE f.payment_id = p.payment_id)" +
            (reservationId is null ? "" : " AND p.reservation_id = @reservation"),
            ("reservation", reservationId));
        var owed = await ListAsync(select, r => (Payment: r.GetString(0), Reservation: r.GetString(1), Fen: Convert.ToInt64(r.GetValue(2))), cancellationToken);
        var opened = 0;
        foreach (var (payment, reservation, fen) in owed)
        {
            // Unique per payment: two silos opening the same refund make one.
            await using var insert = Command(connection,
                dialect.InsertSkippingDuplicates + " refunds (refund_id, payment_id, reservation_id, amount_fen, reason, status, attempts, next_attempt_at, created_at) " +
                "VALUES (@refund, @payment, @reservation, @amount, @reason, 'pending', 0, @now, @now)",
                ("refund", RefundId(payment)), ("payment", payment), ("reservation", reservation), ("amount", fen),
                ("reason", RefundReasons.Cancelled), ("now", dialect.Instant(now)));
            opened += await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        return opened;
    }

    public async Task<IReadOnlyList<DueRefund>> RefundsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = Command(connection,
            "SELECT f.refund_id, f.payment_id, f.reservation_id, p.provider_payment_id, f.amount_fen, f.attempts " +
            "FROM refunds f JOIN payments p ON p.payment_id = f.payment_id " +
            "WHERE f.status = 'pending' AND f.next_attempt_at <= @now ORDER BY f.next_attempt_at LIMIT @limit",
            ("now", dialect.Instant(now)), ("limit", limit));
        return await ListAsync(select, r => new DueRefund(r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3) ?? "",
            Convert.ToInt64(r.GetValue(4)), Convert.ToInt32(r.GetValue(5))), cancellationToken);
    }

    public async Task ConfirmRefundAsync(string refundId, string providerRefundId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var update = Command(connection,
            "UPDATE refunds SET status = 'confirmed', provider_refund_id = @provider, confirmed_at = @at, attempts = attempts + 1, last_error = NULL " +
            "WHERE refund_id = @id AND status = 'pending'",
            ("provider", providerRefundId), ("at", dialect.Instant(now)), ("id", refundId));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task PostponeRefundAsync(string refundId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var update = Command(connection,
            "UPDATE refunds SET attempts = attempts + 1, next_attempt_at = @next, last_error = @error WHERE refund_id = @id AND status = 'pending'",
            ("next", dialect.Instant(nextAttemptAt)), ("error", error.Length > 500 ? error[..500] : error), ("id", refundId));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, RefundState>> RefundsOfAsync(IReadOnlyCollection<string> reservationIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, RefundState>(StringComparer.Ordinal);
        if (reservationIds.Count == 0) return found;
        await using var connection = await dialect.OpenAsync(cancellationToken);
        foreach (var chunk in reservationIds.Chunk(100))
        {
            await using var select = connection.CreateCommand();
            select.CommandText = "SELECT reservation_id, " + RefundColumns + " FROM refunds WHERE reservation_id IN (" +
                                 string.Join(", ", chunk.Select((_, i) => "@r" + i)) + ")";
            for (var i = 0; i < chunk.Length; i++) SlotPoolRows.Bind(select, "r" + i, chunk[i]);
            foreach (var (reservation, refund) in await ListAsync(select, r => (r.GetString(0), ReadRefund(r, 1)), cancellationToken))
                found[reservation] = refund;
        }
        return found;
    }

    private const string RefundColumns = "refund_id, amount_fen, reason, status, created_at, confirmed_at";

    private RefundState ReadRefund(DbDataReader r, int first) => new(
        r.GetString(first), Convert.ToInt64(r.GetValue(first + 1)), r.GetString(first + 2), r.GetString(first + 3),
        dialect.ReadInstant(r, first + 4), Instant(dialect, r, first + 5));
}
