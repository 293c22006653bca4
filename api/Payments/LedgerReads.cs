using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Payments;

/// <summary>The refund shown beside a reservation; the books are read only for reservations that took money.</summary>
public static class LedgerReads
{
    private static readonly IReadOnlyDictionary<string, RefundState> None = new Dictionary<string, RefundState>();

    public static async Task<RefundState?> RefundOfAsync(this IPaymentLedger ledger, Reservation reservation, CancellationToken cancellationToken) =>
        reservation.FeeFen is null ? null : (await ledger.RefundsOfAsync([reservation.ReservationId], cancellationToken)).GetValueOrDefault(reservation.ReservationId);

    public static Task<IReadOnlyDictionary<string, RefundState>> RefundsOfPaidAsync(
        this IPaymentLedger ledger, IReadOnlyList<Reservation> reservations, CancellationToken cancellationToken)
    {
        var held = reservations.Where(r => r.FeeFen is not null).Select(r => r.ReservationId).ToList();
        return held.Count == 0 ? Task.FromResult(None) : ledger.RefundsOfAsync(held, cancellationToken);
    }

    /// <summary>
    /// Opens the refund a paid reservation's cancellation owes, at once rather than at the refund job's
    /// next pass (which opens it anyway if this fails: the cancellation is durable already).
    /// </summary>
    public static async Task<RefundState?> OpenRefundAsync(this IPaymentLedger ledger, Reservation cancelled, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await ledger.OpenRefundsForCancelledAsync(now, cancelled.ReservationId, cancellationToken);
            return await ledger.RefundOfAsync(cancelled, cancellationToken);
        }
        catch (System.Data.Common.DbException)
        {
            return null;
        }
    }
}
