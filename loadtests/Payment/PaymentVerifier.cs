using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;

namespace OrleansBooking.LoadTests.Payment;

/// <summary>
/// The invariants of payment at booking, checked after the holds have run out on the pools' stored
/// reservations, the patients' own record of what they paid, and the reconciliation report (the
/// service's books and the provider's): every number is booked-and-paid, held and not yet expired,
/// or back in the pool, never two at once; the fee paid is the one fixed at hold time; no money is
/// kept without a number. A hold whose pay press was cut off unanswered is let go either way against
/// the patient's record (<see cref="Unknown"/> counts them); the pool's and the report's own checks
/// still apply to it. Pure, so each check can be fed a state that breaks it.
/// </summary>
public static class PaymentVerifier
{
    private const string PaymentExpired = "payment_expired";

    /// <param name="reconciliation">Every hospital day the run's payments may fall on; null when the report could not be read.</param>
    /// <param name="poolFeeFen">The fee of every pool when it was created (the run never changes it).</param>
    /// <param name="grace">How late after its expiry instant a hold may still read as pending (the expiry timer's own lag).</param>
    public static IReadOnlyList<Violation> Verify(
        IReadOnlyList<PoolReadback> pools, PaymentLedger ledger, IReadOnlyList<ReconciliationDay>? reconciliation, long poolFeeFen,
        DateTimeOffset readAt, TimeSpan grace)
    {
        var violations = new List<Violation>();
        var stored = new Dictionary<string, Reservation>();
        foreach (var pool in pools)
        {
            if (pool.Reservations is null) continue;
            NumberLifetimes.Check(pool.PoolId, pool.Reservations, violations);
            foreach (var r in pool.Reservations)
            {
                stored[r.ReservationId] = r;
                CheckStored(r, poolFeeFen, readAt, grace, violations);
            }
        }
        var refunds = reconciliation?.SelectMany(d => d.Refunds).DistinctBy(r => r.RefundId).ToDictionary(r => r.RefundId);
        foreach (var hold in ledger.Holds)
            if (stored.TryGetValue(hold.ReservationId, out var r)) CheckAgainstPatient(hold, r, refunds, violations);
        if (reconciliation is null)
            violations.Add(new Violation(ViolationKind.PaymentBooksUnreadable, "", "the reconciliation report could not be read"));
        else
            CheckBooks(reconciliation, stored, ledger, violations);
        return violations;
    }

    /// <summary>The holds whose pay press was cut off, and how many of them the pools show paid.</summary>
    public static UnknownOutcomes Unknown(IReadOnlyList<PoolReadback> pools, PaymentLedger ledger)
    {
        var paid = pools.SelectMany(p => p.Reservations ?? []).Where(r => r.Payment?.PaidAt is not null).Select(r => r.ReservationId).ToHashSet();
        var unknown = ledger.Holds.Where(h => h.Pay == PayOutcome.Unknown).ToList();
        return new UnknownOutcomes(unknown.Count, unknown.Count(h => paid.Contains(h.ReservationId)));
    }

    /// <summary>Each stored reservation on its own: exactly one of paid and booked, held in time, or given back.</summary>
    private static void CheckStored(Reservation r, long poolFeeFen, DateTimeOffset readAt, TimeSpan grace, List<Violation> violations)
    {
        void Add(ViolationKind kind, string detail) => violations.Add(new Violation(kind, r.PoolId, $"{r.ReservationId} (number {r.SequenceNumber}): {detail}"));

        if (r.Payment is not { } payment)
        {
            if (r.HoldsNumber) Add(ViolationKind.BookedNotPaid, $"{r.Status} with no payment");
            return;
        }
        if (payment.FeeFen != poolFeeFen) Add(ViolationKind.PaidAmountMismatch, $"fee fixed at hold time {payment.FeeFen} fen, the pool's fee {poolFeeFen} fen");
        switch (r.Status)
        {
            case Reservation.Booked when payment.PaidAt is null:
                Add(ViolationKind.BookedNotPaid, "booked, never paid");
                break;
            case Reservation.PendingPayment when payment.PaidAt is not null:
                Add(ViolationKind.PaidNotBooked, $"paid at {payment.PaidAt:O} and still pending payment");
                break;
            case Reservation.PendingPayment when payment.HoldExpiresAt + grace < readAt:
                Add(ViolationKind.HoldOutlivedExpiry, $"still held at {readAt:O}, its hold ran out at {payment.HoldExpiresAt:O}");
                break;
        }
        if (r.CancellationReason == PaymentExpired)
        {
            if (r.CancelledAt is { } at && at < payment.HoldExpiresAt)
                Add(ViolationKind.HoldExpiredEarly, $"expired at {at:O}, before its hold's end {payment.HoldExpiresAt:O}");
            if (payment.PaidAt is not null) Add(ViolationKind.PaidNotBooked, $"paid at {payment.PaidAt:O} and expired");
        }
    }

    /// <summary>The pool's view against what the patient did at the provider.</summary>
    private static void CheckAgainstPatient(
        HoldSeen hold, Reservation r, IReadOnlyDictionary<string, ReconciledRefund>? refunds, List<Violation> violations)
    {
        void Add(ViolationKind kind, string detail) => violations.Add(new Violation(kind, hold.PoolId, $"{hold.ReservationId}: {detail}"));

        if (r.Payment is { } payment && payment.FeeFen != hold.FeeFen)
            Add(ViolationKind.PaidAmountMismatch, $"held for {hold.FeeFen} fen, stored with a fee of {payment.FeeFen} fen");
        if (hold.AskedFen is { } asked && asked != hold.FeeFen)
            Add(ViolationKind.PaidAmountMismatch, $"held for {hold.FeeFen} fen, the payment asked {asked} fen");

        bool paidInPool = r.Payment?.PaidAt is not null;
        // A press nobody answered may have paid or not: either is right, and it is counted in Unknown instead.
        if (hold.Pay == PayOutcome.Unknown) return;
        if (!hold.PaidAtProvider)
        {
            if (paidInPool) Add(ViolationKind.BookedNotPaid, $"the patient never paid ({hold.Intent}), the pool says paid");
            return;
        }
        bool booked = r.Status == Reservation.Booked && paidInPool;
        // Money taken and the number not (or no longer) the patient's: a refund must be on its way.
        if (!booked && refunds is not null && hold.PaymentId is { } paymentId && !refunds.ContainsKey(ReconciledRefund.IdFor(paymentId)))
            Add(ViolationKind.PaidNotBooked, $"paid at the provider, stored as {r.Status}{(paidInPool ? "" : " unpaid")}, and no refund");
    }

    /// <summary>The reconciliation report against the pools: our payments and theirs agree, and no mismatch names this run.</summary>
    private static void CheckBooks(
        IReadOnlyList<ReconciliationDay> days, IReadOnlyDictionary<string, Reservation> stored, PaymentLedger ledger, List<Violation> violations)
    {
        var paid = days.SelectMany(d => d.Paid).Where(p => stored.ContainsKey(p.ReservationId)).DistinctBy(p => p.PaymentId).ToList();
        var paidByReservation = paid.ToLookup(p => p.ReservationId);
        var ours = ledger.Holds.Where(h => h.PaymentId is not null).Select(h => h.PaymentId!).ToHashSet();

        foreach (var m in days.SelectMany(d => d.Mismatches).Distinct())
            if ((m.ReservationId is { } reservation && stored.ContainsKey(reservation)) || (m.PaymentId is { } payment && ours.Contains(payment)))
                violations.Add(new Violation(ViolationKind.ReconciliationMismatch, stored.GetValueOrDefault(m.ReservationId ?? "")?.PoolId ?? "",
                    $"the report lists {m.Kind} for reservation {m.ReservationId ?? "?"}, payment {m.PaymentId ?? "?"}"));

        foreach (var r in stored.Values.Where(r => r.Payment?.PaidAt is not null))
        {
            var entries = paidByReservation[r.ReservationId].ToList();
            if (entries.Count == 0)
                violations.Add(new Violation(ViolationKind.ReconciliationMismatch, r.PoolId, $"{r.ReservationId} is paid in the pool, the report has no payment for it"));
            foreach (var e in entries.Where(e => e.PaidFen != r.Payment!.FeeFen))
                violations.Add(new Violation(ViolationKind.PaidAmountMismatch, r.PoolId,
                    $"{r.ReservationId}: the report says {e.PaidFen} fen paid ({e.PaymentId}), the fee fixed at hold time is {r.Payment!.FeeFen} fen"));
            if (entries.Count > 1)
                violations.Add(new Violation(ViolationKind.ReconciliationMismatch, r.PoolId,
                    $"{r.ReservationId} was paid {entries.Count} times: {string.Join(", ", entries.Select(e => e.PaymentId))}"));
        }
    }
}
