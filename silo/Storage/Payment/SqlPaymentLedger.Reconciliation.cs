using OrleansBooking.Api.Payments;
using static OrleansBooking.Silo.Storage.Payment.SqlRows;

namespace OrleansBooking.Silo.Storage.Payment;

/// <summary>The service's side of a day's reconciliation: money in, money back, holds that ran out, and what does not add up.</summary>
internal sealed partial class SqlPaymentLedger
{
    public async Task<LedgerDay> ReadDayAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var (start, end) = (dialect.Instant(from), dialect.Instant(to));
        await using var connection = await dialect.OpenAsync(cancellationToken);

        await using var paidSelect = Command(connection,
            "SELECT p.payment_id, p.reservation_id, p.provider_payment_id, p.paid_fen, p.paid_at, COALESCE(r.status, 'missing'), " +
            "CASE WHEN EXISTS (SELECT 1 FROM refunds f WHERE f.payment_id = p.payment_id) THEN 1 ELSE 0 END " +
            "FROM payments p LEFT JOIN reservations r ON r.reservation_id = p.reservation_id " +
            "WHERE p.status = 'paid' AND p.paid_at >= @from AND p.paid_at < @to ORDER BY p.paid_at, p.payment_id",
            ("from", start), ("to", end));
        var paid = await ListAsync(paidSelect, r => new LedgerPaid(r.GetString(0), r.GetString(1), Text(r, 2), Convert.ToInt64(r.GetValue(3)),
            dialect.ReadInstant(r, 4), r.GetString(5), Convert.ToInt64(r.GetValue(6)) != 0), cancellationToken);

        await using var refundSelect = Command(connection,
            "SELECT " + RefundColumns + " FROM refunds WHERE created_at >= @from AND created_at < @to ORDER BY created_at, refund_id",
            ("from", start), ("to", end));
        var refunds = await ListAsync(refundSelect, r => ReadRefund(r, 0), cancellationToken);

        await using var expiredCount = Command(connection,
            "SELECT COUNT(*) FROM reservations WHERE status = 'cancelled' AND cancellation_reason = 'payment_expired' " +
            "AND cancelled_at >= @from AND cancelled_at < @to",
            ("from", start), ("to", end));
        var expired = Convert.ToInt32(await expiredCount.ExecuteScalarAsync(cancellationToken));

        // The pool booked a number as paid, but no payment of ours says the money came.
        await using var bookedSelect = Command(connection,
            "SELECT r.reservation_id FROM reservations r WHERE r.paid_at >= @from AND r.paid_at < @to " +
            "AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.reservation_id = r.reservation_id AND p.status = 'paid') ORDER BY r.reservation_id",
            ("from", start), ("to", end));
        var bookedNotPaid = await ListAsync(bookedSelect, r => r.GetString(0), cancellationToken);

        // Money kept for a number the patient does not have, with nothing on its way back.
        var paidNotBooked = paid.Where(p => p.ReservationStatus is "cancelled" or "pending_payment" or "missing" && !p.HasRefund).ToList();
        return new LedgerDay(paid, refunds, expired, paidNotBooked, bookedNotPaid);
    }
}
