using OrleansBooking.LoadTests.Service;

namespace OrleansBooking.LoadTests.Verification;

/// <summary>
/// Checks the service's invariants on what it reports after the run, and that every promise the
/// generator received was kept. Pure: it reads data and returns violations, so it can be tested
/// on injected faults.
/// </summary>
public static class BookingVerifier
{
    public static VerificationReport Verify(
        IReadOnlyList<PoolReadback> pools, AcknowledgementLedger ledger, int? patientDailyLimit = null)
    {
        var violations = new List<Violation>();
        var byId = new Dictionary<string, Reservation>();
        long active = 0;

        foreach (var pool in pools)
        {
            if (pool.Snapshot is null || pool.Reservations is null)
            {
                violations.Add(new Violation(ViolationKind.PoolUnreadable, pool.PoolId, "snapshot or reservation list could not be read"));
                continue;
            }
            foreach (var r in pool.Reservations) byId[r.ReservationId] = r;
            var holding = pool.Reservations.Where(r => r.HoldsNumber).ToList();
            active += holding.Count;
            CheckPool(pool.PoolId, pool.Snapshot, holding, violations);
        }

        foreach (var (first, second) in ledger.KeyConflicts)
            violations.Add(new Violation(ViolationKind.IdempotencyKeyReused, first.PoolId,
                $"key {first.IdempotencyKey} answered with {first.ReservationId} and {second.ReservationId}"));

        var readable = pools.Where(p => p.Reservations is not null).Select(p => p.PoolId).ToHashSet();
        foreach (var ack in ledger.Acknowledgements)
        {
            if (!readable.Contains(ack.PoolId)) continue;
            CheckAcknowledgement(ack, byId.GetValueOrDefault(ack.ReservationId), ledger.CancellationOf(ack.ReservationId), violations);
        }

        if (patientDailyLimit is { } limit) CheckDailyLimit(pools, limit, violations);

        return new VerificationReport(pools.Count, active, ledger.Acknowledgements.Count, violations);
    }

    private static void CheckPool(string poolId, PoolSnapshot snapshot, List<Reservation> holding, List<Violation> violations)
    {
        if (holding.Count > snapshot.Quota)
            violations.Add(new Violation(ViolationKind.PoolOverQuota, poolId, $"{holding.Count} active reservations, quota {snapshot.Quota}"));
        if (snapshot.Booked != holding.Count)
            violations.Add(new Violation(ViolationKind.BookedCountMismatch, poolId, $"snapshot says booked {snapshot.Booked}, list holds {holding.Count}"));
        if (snapshot.Booked > snapshot.Quota)
            violations.Add(new Violation(ViolationKind.PoolOverQuota, poolId, $"snapshot says booked {snapshot.Booked}, quota {snapshot.Quota}"));

        foreach (var twice in holding.GroupBy(r => r.PatientId).Where(g => g.Count() > 1))
            violations.Add(new Violation(ViolationKind.PatientTwiceInPool, poolId,
                $"patient {twice.Key} holds {string.Join(", ", twice.Select(r => r.ReservationId))}"));
        foreach (var shared in holding.GroupBy(r => r.SequenceNumber).Where(g => g.Count() > 1))
            violations.Add(new Violation(ViolationKind.SequenceNumberReused, poolId,
                $"number {shared.Key} held by {string.Join(", ", shared.Select(r => r.ReservationId))}"));
        foreach (var outside in holding.Where(r => r.SequenceNumber < 1 || r.SequenceNumber > snapshot.Quota))
            violations.Add(new Violation(ViolationKind.SequenceNumberOutOfRange, poolId,
                $"{outside.ReservationId} has number {outside.SequenceNumber}, quota {snapshot.Quota}"));
    }

    private static void CheckAcknowledgement(Acknowledgement ack, Reservation? stored, bool? cancellation, List<Violation> violations)
    {
        if (stored is null)
        {
            violations.Add(new Violation(ViolationKind.AcknowledgementMissing, ack.PoolId,
                $"{ack.ReservationId} (number {ack.SequenceNumber} for {ack.PatientId}) was acknowledged but is not stored"));
            return;
        }
        if (stored.PatientId != ack.PatientId || stored.PoolId != ack.PoolId || stored.SequenceNumber != ack.SequenceNumber)
            violations.Add(new Violation(ViolationKind.AcknowledgementMismatch, ack.PoolId,
                $"{ack.ReservationId} acknowledged as {ack.PatientId}/#{ack.SequenceNumber}, stored as {stored.PatientId}/#{stored.SequenceNumber} in {stored.PoolId}"));
        // A number the patient never gave back must still be held; one they did give back must not be.
        if (cancellation is null && !stored.HoldsNumber)
            violations.Add(new Violation(ViolationKind.AcknowledgementMismatch, ack.PoolId,
                $"{ack.ReservationId} was acknowledged and never cancelled, but is stored as {stored.Status}"));
        if (cancellation is true && stored.HoldsNumber)
            violations.Add(new Violation(ViolationKind.AcknowledgementMismatch, ack.PoolId,
                $"{ack.ReservationId} was cancelled with a 2xx, but is stored as {stored.Status}"));
    }

    private static void CheckDailyLimit(IReadOnlyList<PoolReadback> pools, int limit, List<Violation> violations)
    {
        var perPatientDay = pools
            .Where(p => p.Reservations is not null)
            .SelectMany(p => p.Reservations!.Where(r => r.HoldsNumber).Select(r => (r.PatientId, Date: p.Snapshot?.Date ?? p.Date ?? "", r.PoolId)))
            .GroupBy(x => (x.PatientId, x.Date))
            .Where(g => g.Count() > limit);
        foreach (var g in perPatientDay)
            violations.Add(new Violation(ViolationKind.PatientLimitExceeded, g.First().PoolId,
                $"patient {g.Key.PatientId} holds {g.Count()} reservations on {g.Key.Date}, limit {limit}"));
    }
}
