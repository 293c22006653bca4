using System.Data.Common;
using OrleansBooking.Api.Payments.Sandbox;
using OrleansBooking.Silo.Storage.Sql;
using static OrleansBooking.Silo.Storage.Payment.SqlRows;

namespace OrleansBooking.Silo.Storage.Payment;

/// <summary>sandbox_payments and sandbox_refunds (migration 0031): the sandbox provider's side of the money.</summary>
internal sealed class SqlSandboxBooks(SqlDialect dialect) : ISandboxBooks
{
    private const string Columns =
        "provider_payment_id, merchant_payment_id, amount_fen, currency, description, status, event_id, expires_at, created_at, paid_at, acknowledged_at, refunded_fen";

    public async Task<SandboxPayment> OpenAsync(SandboxPayment payment, CancellationToken cancellationToken)
    {
        await using (var connection = await dialect.OpenAsync(cancellationToken))
        await using (var insert = Command(connection,
            dialect.InsertSkippingDuplicates + " sandbox_payments (" + Columns + ") VALUES " +
            "(@id, @merchant, @amount, @currency, @description, 'open', NULL, @expires, @at, NULL, NULL, 0)",
            ("id", payment.ProviderPaymentId), ("merchant", payment.MerchantPaymentId), ("amount", payment.AmountFen), ("currency", payment.Currency),
            ("description", payment.Description), ("expires", dialect.Instant(payment.ExpiresAt)), ("at", dialect.Instant(payment.CreatedAt))))
            await insert.ExecuteNonQueryAsync(cancellationToken);
        return await FindWhereAsync("merchant_payment_id = @id", payment.MerchantPaymentId, cancellationToken)
            ?? throw new InvalidOperationException($"Sandbox payment for {payment.MerchantPaymentId} was neither stored nor found.");
    }

    public Task<SandboxPayment?> FindAsync(string providerPaymentId, CancellationToken cancellationToken) =>
        FindWhereAsync("provider_payment_id = @id", providerPaymentId, cancellationToken);

    private async Task<SandboxPayment?> FindWhereAsync(string where, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = Command(connection, $"SELECT {Columns} FROM sandbox_payments WHERE {where}", ("id", id));
        return (await ListAsync(select, Read, cancellationToken)).SingleOrDefault();
    }

    private SandboxPayment Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), Convert.ToInt64(r.GetValue(2)), r.GetString(3), r.GetString(4), r.GetString(5), Text(r, 6),
        dialect.ReadInstant(r, 7), dialect.ReadInstant(r, 8), Instant(dialect, r, 9), Instant(dialect, r, 10), Convert.ToInt64(r.GetValue(11)));

    public async Task<SandboxPayment?> SettleAsync(string providerPaymentId, string status, string eventId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using (var connection = await dialect.OpenAsync(cancellationToken))
        await using (var update = Command(connection,
            "UPDATE sandbox_payments SET status = @status, event_id = @event, acknowledged_at = NULL, " +
            "paid_at = CASE WHEN @status = 'paid' THEN @at ELSE paid_at END " +
            "WHERE provider_payment_id = @id AND status <> 'paid'",
            ("status", status), ("event", eventId), ("at", dialect.Instant(at)), ("id", providerPaymentId)))
            await update.ExecuteNonQueryAsync(cancellationToken);
        return await FindAsync(providerPaymentId, cancellationToken);
    }

    public async Task AcknowledgeAsync(string providerPaymentId, string eventId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var update = Command(connection,
            "UPDATE sandbox_payments SET acknowledged_at = @at WHERE provider_payment_id = @id AND event_id = @event",
            ("at", dialect.Instant(at)), ("id", providerPaymentId), ("event", eventId));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SandboxPayment>> UnacknowledgedAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = Command(connection,
            $"SELECT {Columns} FROM sandbox_payments WHERE event_id IS NOT NULL AND acknowledged_at IS NULL ORDER BY created_at LIMIT @limit",
            ("limit", limit));
        return await ListAsync(select, Read, cancellationToken);
    }

    public async Task<string?> RefundAsync(string merchantRefundId, string providerPaymentId, long amountFen, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        await using (var existing = Command(transaction, "SELECT provider_refund_id FROM sandbox_refunds WHERE merchant_refund_id = @id", ("id", merchantRefundId)))
            if (await existing.ExecuteScalarAsync(cancellationToken) is string known) return known;

        await using (var take = Command(transaction,
            "UPDATE sandbox_payments SET refunded_fen = refunded_fen + @amount " +
            "WHERE provider_payment_id = @payment AND status = 'paid' AND refunded_fen + @amount <= amount_fen",
            ("amount", amountFen), ("payment", providerPaymentId)))
            if (await take.ExecuteNonQueryAsync(cancellationToken) == 0) return null;

        var providerRefundId = "sbr" + Guid.NewGuid().ToString("N");
        await using (var insert = Command(transaction,
            "INSERT INTO sandbox_refunds (merchant_refund_id, provider_refund_id, provider_payment_id, amount_fen, created_at) VALUES (@id, @refund, @payment, @amount, @at)",
            ("id", merchantRefundId), ("refund", providerRefundId), ("payment", providerPaymentId), ("amount", amountFen), ("at", dialect.Instant(at))))
            await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return providerRefundId;
    }

    public async Task<IReadOnlyList<SandboxPayment>> ListPaidAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = Command(connection,
            $"SELECT {Columns} FROM sandbox_payments WHERE status = 'paid' AND paid_at >= @from AND paid_at < @to ORDER BY paid_at",
            ("from", dialect.Instant(from)), ("to", dialect.Instant(to)));
        return await ListAsync(select, Read, cancellationToken);
    }
}
