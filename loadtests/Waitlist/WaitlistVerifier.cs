using OrleansBooking.LoadTests.Service;
using OrleansBooking.LoadTests.Verification;

namespace OrleansBooking.LoadTests.Waitlist;

/// <summary>A joined patient's place as read back: <see cref="Place"/> null when off the list (took, lapsed, left); unreadable if the read failed.</summary>
public sealed record FinalPlace(string PoolId, string PatientId, WaitlistPlace? Place, bool Readable = true);

/// <summary>
/// The waitlist's invariants, on the pools' stored reservations, the offers patients saw and their
/// places read back at the end: a freed number goes to exactly one patient, never to the open crowd
/// while it is on offer, and every place agrees with the reservations. An accept cut off unanswered
/// may have taken the number or not: either is right (<see cref="Unknown"/> counts them), and nobody
/// else may hold the number until the offer's end. Pure, so each check can be
/// fed a state that breaks it.
/// </summary>
public static class WaitlistVerifier
{
    public static IReadOnlyList<Violation> Verify(IReadOnlyList<PoolReadback> pools, IReadOnlyCollection<OfferSeen> offers, IReadOnlyList<FinalPlace> places)
    {
        var violations = new List<Violation>();
        var byPool = pools.Where(p => p.Reservations is not null).ToDictionary(p => p.PoolId);
        foreach (var pool in byPool.Values) NumberLifetimes.Check(pool.PoolId, pool.Reservations!, violations);

        foreach (var offer in offers)
        {
            if (!byPool.TryGetValue(offer.PoolId, out var pool)) continue;
            foreach (var other in pool.Reservations!.Where(r => r.SequenceNumber == offer.SequenceNumber && !IsTheOffersOwn(offer, r)))
                if (NumberLifetimes.HeldDuring(other, offer.SeenAt, offer.PendingUntil))
                    violations.Add(new Violation(ViolationKind.OfferedNumberSold, offer.PoolId,
                        $"number {offer.SequenceNumber} offered to {offer.PatientId} ({offer.SeenAt:O} – {offer.PendingUntil:O}) was held by {other.ReservationId} of {other.PatientId}"));
            if (offer.ReservedNumber is { } reserved && reserved != offer.SequenceNumber)
                violations.Add(new Violation(ViolationKind.AcceptedNumberDiffers, offer.PoolId,
                    $"{offer.PatientId} accepted number {offer.SequenceNumber} and got {reserved} ({offer.ReservationId})"));
        }

        var accepted = offers.Where(o => o.Answer == OfferAnswer.Accepted).Select(o => (o.PoolId, o.PatientId)).ToHashSet();
        foreach (var group in places.GroupBy(p => p.PoolId))
        {
            if (!byPool.TryGetValue(group.Key, out var pool)) continue;
            CheckPlaces(pool, group.ToList(), accepted, violations);
        }
        return violations;
    }

    /// <summary>
    /// The reservation the answer made: the one the accept returned, or for an accept cut off unanswered
    /// any of the patient's own (which one, if any, is unknown); anyone else's breaks the offer.
    /// </summary>
    private static bool IsTheOffersOwn(OfferSeen offer, Reservation r) =>
        offer.Answer == OfferAnswer.Unknown ? r.PatientId == offer.PatientId : r.ReservationId == offer.ReservationId;

    /// <summary>The offers whose accept was cut off, and how many of those patients the pools show holding the number offered.</summary>
    public static UnknownOutcomes Unknown(IReadOnlyList<PoolReadback> pools, IReadOnlyCollection<OfferSeen> offers)
    {
        var holding = pools.SelectMany(p => p.Reservations ?? []).Where(r => r.HoldsNumber)
            .Select(r => (r.PoolId, r.PatientId, r.SequenceNumber)).ToHashSet();
        var unknown = offers.Where(o => o.Answer == OfferAnswer.Unknown).ToList();
        return new UnknownOutcomes(unknown.Count, unknown.Count(o => holding.Contains((o.PoolId, o.PatientId, o.SequenceNumber))));
    }

    private static void CheckPlaces(PoolReadback pool, List<FinalPlace> places, HashSet<(string, string)> accepted, List<Violation> violations)
    {
        void Add(ViolationKind kind, string detail) => violations.Add(new Violation(kind, pool.PoolId, detail));

        var holding = pool.Reservations!.Where(r => r.HoldsNumber).ToList();
        var holders = holding.Select(r => r.PatientId).ToHashSet();
        var held = holding.Select(r => r.SequenceNumber).ToHashSet();
        var offered = new Dictionary<int, string>();
        foreach (var p in places)
        {
            if (!p.Readable)
            {
                Add(ViolationKind.WaitlistUnreadable, $"the place of {p.PatientId} could not be read");
                continue;
            }
            if (p.Place is not { } place)
                continue;
            if (accepted.Contains((p.PoolId, p.PatientId)))
                Add(ViolationKind.WaitlistStateInconsistent, $"{p.PatientId} accepted an offer and is still {place.Status}");
            if (holders.Contains(p.PatientId))
                Add(ViolationKind.WaitlistStateInconsistent, $"{p.PatientId} holds a number and is still {place.Status}");
            if (place.Offer is not { } offer) continue;
            if (held.Contains(offer.SequenceNumber))
                Add(ViolationKind.OfferedNumberSold, $"number {offer.SequenceNumber} is on offer to {p.PatientId} and held by a reservation");
            if (!offered.TryAdd(offer.SequenceNumber, p.PatientId))
                Add(ViolationKind.OfferedNumberSold, $"number {offer.SequenceNumber} is on offer to {offered[offer.SequenceNumber]} and to {p.PatientId}");
        }
        if (pool.Snapshot is not { } snapshot) return;
        int free = snapshot.Quota - holding.Count - offered.Count;
        if (free < 0)
            Add(ViolationKind.PoolOverQuota, $"{holding.Count} numbers held and {offered.Count} on offer, quota {snapshot.Quota}");
        var waiting = places.Where(p => p.Place is { Status: WaitlistPlace.Waiting }).ToList();
        if (free > 0 && waiting.Count > 0)
            Add(ViolationKind.WaitlistStateInconsistent, $"{free} number(s) free and offered to nobody while {waiting.Count} patient(s) wait, first {waiting[0].PatientId}");
    }
}
