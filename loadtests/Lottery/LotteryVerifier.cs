using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;

namespace OrleansBooking.LoadTests.Lottery;

/// <summary>A pool's draw as its audit was read back after the run; <see cref="Audit"/> null when the read failed.</summary>
public sealed record DrawReadback(string PoolId, DrawAudit? Audit);

/// <summary>
/// The draw's invariants, on each pool's audit, its stored reservations, the entries the suite was
/// answered 202 for and what entrants read of their own result: nothing booked before the window
/// closed, numbers only to entrants, one each, distinct, within the quota; every entry acknowledged
/// is in the audit, and every entrant's own view agrees with it. Pure, so each check can be fed a
/// state that breaks it.
/// </summary>
public static class LotteryVerifier
{
    /// <param name="readAt">When the audits were read: a pool whose window had closed by then must have drawn.</param>
    public static IReadOnlyList<Violation> Verify(
        IReadOnlyList<DrawReadback> draws, IReadOnlyList<PoolReadback> pools, IReadOnlyCollection<DrawEntry> entries,
        IReadOnlyCollection<OwnDrawRead> reads, DateTimeOffset readAt)
    {
        var violations = new List<Violation>();
        var reservations = pools.Where(p => p.Reservations is not null).ToDictionary(p => p.PoolId, p => p.Reservations!);
        foreach (var draw in draws)
        {
            if (draw.Audit is not { } audit)
            {
                violations.Add(new Violation(ViolationKind.DrawUnreadable, draw.PoolId, "the draw's audit could not be read"));
                continue;
            }
            CheckDraw(audit, reservations.GetValueOrDefault(audit.PoolId) ?? [], readAt, violations);
        }

        var audits = draws.Where(d => d.Audit is not null).ToDictionary(d => d.PoolId, d => d.Audit!);
        foreach (var entry in entries)
            if (audits.TryGetValue(entry.PoolId, out var audit) && !audit.Entries.Any(e => e.PatientId == entry.PatientId))
                violations.Add(new Violation(ViolationKind.DrawEntryMissing, entry.PoolId,
                    $"{entry.PatientId} was answered 202 entered at {entry.EnteredAt:O} and is not among the audit's {audit.Entries.Count} entries"));
        foreach (var read in reads)
            if (audits.TryGetValue(read.PoolId, out var audit)) CheckOwnRead(read, audit, violations);
        return violations;
    }

    private static void CheckDraw(DrawAudit audit, IReadOnlyList<Reservation> reservations, DateTimeOffset readAt, List<Violation> violations)
    {
        void Add(ViolationKind kind, string detail) => violations.Add(new Violation(kind, audit.PoolId, detail));

        if (audit.Status != DrawAudit.Drawn || audit.DrawnAt is not { } drawnAt)
        {
            if (readAt > audit.ClosesAt)
                Add(ViolationKind.DrawNotHeld, $"still {audit.Status} at {readAt:O}, its window closed at {audit.ClosesAt:O}");
            foreach (var r in reservations)
                Add(ViolationKind.ReservedBeforeDraw, $"{r.ReservationId} of {r.PatientId} (number {r.SequenceNumber}) exists and the pool has not drawn");
            return;
        }
        if (drawnAt < audit.ClosesAt)
            Add(ViolationKind.ReservedBeforeDraw, $"drawn at {drawnAt:O}, before its window closed at {audit.ClosesAt:O}");
        foreach (var r in reservations.Where(r => r.CreatedAt < audit.ClosesAt))
            Add(ViolationKind.ReservedBeforeDraw, $"{r.ReservationId} of {r.PatientId} created at {r.CreatedAt:O}, before the draw at {audit.ClosesAt:O}");

        var winners = audit.Entries.Where(e => e.SequenceNumber is not null).ToList();
        foreach (var w in winners.Where(w => w.EnteredAt < audit.ReleaseAt || w.EnteredAt >= audit.ClosesAt))
            Add(ViolationKind.DrawWinnerNotEntrant, $"{w.PatientId} won number {w.SequenceNumber} with an entry at {w.EnteredAt:O}, outside the window");
        var won = winners.GroupBy(w => w.PatientId).ToDictionary(g => g.Key, g => g.Select(w => w.SequenceNumber!.Value).ToList());
        // The draw's own reservations are made at the draw; any made by then belongs to a winner and has the number won.
        foreach (var r in reservations.Where(r => r.CreatedAt <= drawnAt && r.CreatedAt >= audit.ClosesAt))
            if (!won.TryGetValue(r.PatientId, out var numbers) || !numbers.Contains(r.SequenceNumber))
                Add(ViolationKind.DrawWinnerNotEntrant, $"{r.ReservationId} of {r.PatientId} got number {r.SequenceNumber} in the draw and the audit gives them none");

        foreach (var (patientId, numbers) in won)
        {
            if (numbers.Count > 1)
                Add(ViolationKind.DrawWinnerNumberedTwice, $"{patientId} won numbers {string.Join(", ", numbers)}");
            var held = reservations.Where(r => r.PatientId == patientId && r.HoldsNumber).Select(r => r.SequenceNumber).ToList();
            if (held.Count != 1 || held[0] != numbers[0])
                Add(ViolationKind.DrawWinnerNumberedTwice,
                    $"{patientId} won number {numbers[0]} and holds [{string.Join(", ", held)}] in the pool");
        }
        foreach (var reused in winners.GroupBy(w => w.SequenceNumber).Where(g => g.Count() > 1))
            Add(ViolationKind.DrawNumberReused, $"number {reused.Key} drawn for {string.Join(" and ", reused.Select(w => w.PatientId))}");
        if (winners.Count > audit.Quota)
            Add(ViolationKind.DrawOverQuota, $"{winners.Count} winners, quota {audit.Quota}");
        foreach (var w in winners.Where(w => w.SequenceNumber is < 1 || w.SequenceNumber > audit.Quota))
            Add(ViolationKind.DrawOverQuota, $"{w.PatientId} won number {w.SequenceNumber}, outside 1..{audit.Quota}");
    }

    private static void CheckOwnRead(OwnDrawRead read, DrawAudit audit, List<Violation> violations)
    {
        void Add(ViolationKind kind, string detail) => violations.Add(new Violation(kind, read.PoolId, detail));

        if (!read.Readable)
        {
            Add(ViolationKind.DrawUnreadable, $"{read.PatientId}'s own entries could not be read");
            return;
        }
        var inAudit = audit.Entries.FirstOrDefault(e => e.PatientId == read.PatientId);
        if (read.Entry is not { } own)
        {
            Add(ViolationKind.DrawReadDisagrees, $"{read.PatientId} entered and \"my draws\" does not list the entry");
            return;
        }
        if (audit.Status != DrawAudit.Drawn || inAudit is null) return;
        string expected = inAudit.SequenceNumber is null ? AccountDrawEntry.NotDrawn : AccountDrawEntry.Won;
        if (own.Status != expected || own.SequenceNumber != inAudit.SequenceNumber)
            Add(ViolationKind.DrawReadDisagrees,
                $"{read.PatientId} read {own.Status} {own.SequenceNumber} and the audit says {expected} {inAudit.SequenceNumber}");
    }
}
