namespace OrleansBooking.Grains.Waitlist;

/// <summary>
/// A pool's waitlist in memory: who waits, in the order they joined; the offers pending (each
/// holding one number); and who let an offer lapse, so a late accept is told offer_expired rather
/// than "no offer". Changed only through the pool's state, so memory and rows agree.
/// </summary>
public sealed class PoolWaitlist
{
    private readonly SortedDictionary<long, WaitlistEntry> queue = [];
    private readonly Dictionary<string, WaitlistEntry> waitingByPatient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WaitlistOffer> offers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WaitlistEntry> offeredEntries = new(StringComparer.Ordinal);
    private readonly HashSet<string> lapsed = new(StringComparer.Ordinal);
    private long lastTurn;

    public bool HasWaiting => queue.Count > 0;

    public bool HasOffers => offers.Count > 0;

    /// <summary>Numbers held for offers: they count as taken for everyone else.</summary>
    public int OfferCount => offers.Count;

    public IEnumerable<WaitlistOffer> Offers => offers.Values;

    public IEnumerable<WaitlistEntry> Waiting => queue.Values;

    public long NextTurn => lastTurn + 1;

    public WaitlistEntry? FirstWaiting() => queue.Count > 0 ? queue.First().Value : null;

    public WaitlistOffer? OfferFor(string patientId) => offers.GetValueOrDefault(patientId);

    public bool IsWaiting(string patientId) => waitingByPatient.ContainsKey(patientId);

    /// <summary>True when an offer to the patient lapsed and they have not joined again since.</summary>
    public bool HadOfferLapse(string patientId) => lapsed.Contains(patientId);

    public DateTimeOffset? EarliestOfferExpiry()
    {
        DateTimeOffset? earliest = null;
        foreach (var offer in offers.Values)
            if (earliest is null || offer.ExpiresAt < earliest) earliest = offer.ExpiresAt;
        return earliest;
    }

    /// <summary>Offers that have run out at <paramref name="now"/>, earliest first.</summary>
    public List<WaitlistOffer> OffersExpiredAt(DateTimeOffset now) =>
        offers.Values.Where(o => o.ExpiresAt <= now).OrderBy(o => o.ExpiresAt).ThenBy(o => o.SequenceNumber).ToList();

    /// <summary>The patient's place: position among those waiting (1 = next), or the offer held for them; null when not on the list.</summary>
    public WaitlistPlace? PlaceOf(string poolId, string patientId)
    {
        if (offers.TryGetValue(patientId, out var offer))
            return new WaitlistPlace(poolId, patientId, 0, offeredEntries[patientId].JoinedAt, offer);
        if (!waitingByPatient.TryGetValue(patientId, out var entry)) return null;
        var position = 1 + queue.Keys.TakeWhile(turn => turn < entry.Turn).Count();
        return new WaitlistPlace(poolId, patientId, position, entry.JoinedAt, null);
    }

    public void Join(WaitlistEntry entry)
    {
        if (waitingByPatient.ContainsKey(entry.PatientId) || offers.ContainsKey(entry.PatientId))
            throw new InvalidOperationException($"Patient {entry.PatientId} is on the waitlist twice.");
        queue.Add(entry.Turn, entry);
        waitingByPatient[entry.PatientId] = entry;
        lapsed.Remove(entry.PatientId);
        lastTurn = Math.Max(lastTurn, entry.Turn);
    }

    public void Leave(string patientId)
    {
        if (waitingByPatient.Remove(patientId, out var entry)) queue.Remove(entry.Turn);
    }

    /// <summary>Everyone on the list, waiting or offered a number, in turn order.</summary>
    public IEnumerable<string> PatientsOnTheList() =>
        queue.Values.Concat(offeredEntries.Values).OrderBy(e => e.Turn).Select(e => e.PatientId);

    /// <summary>A waiting patient's entry ends by the hospital's doing; remembered as lapsed, as a stored withdrawn row is read back.</summary>
    public void Withdraw(string patientId)
    {
        if (!waitingByPatient.ContainsKey(patientId)) throw new InvalidOperationException($"Patient {patientId} is not waiting.");
        Leave(patientId);
        lapsed.Add(patientId);
    }

    /// <summary>The patient stops waiting and holds <paramref name="offer"/>.</summary>
    public void Offer(WaitlistOffer offer)
    {
        if (!waitingByPatient.Remove(offer.PatientId, out var entry))
            throw new InvalidOperationException($"Patient {offer.PatientId} is offered a number without waiting for one.");
        queue.Remove(entry.Turn);
        offers[offer.PatientId] = offer;
        offeredEntries[offer.PatientId] = entry;
    }

    /// <summary>Ends the patient's offer; returns it so its number can go back.</summary>
    public WaitlistOffer EndOffer(string patientId, bool lapsedUnaccepted)
    {
        if (!offers.Remove(patientId, out var offer))
            throw new InvalidOperationException($"Patient {patientId} has no offer to end.");
        offeredEntries.Remove(patientId);
        if (lapsedUnaccepted) lapsed.Add(patientId);
        return offer;
    }

    /// <summary>Rebuilds stored rows (any order). A lapsed patient is remembered only for offer_expired.</summary>
    public void Restore(IEnumerable<WaitlistEntry> waiting, IEnumerable<(WaitlistEntry Entry, WaitlistOffer Offer)> pending, IEnumerable<string> lapsedPatients, long lastTurnStored)
    {
        foreach (var entry in waiting) Join(entry);
        foreach (var (entry, offer) in pending)
        {
            Join(entry);
            Offer(offer);
        }
        foreach (var patientId in lapsedPatients) lapsed.Add(patientId);
        lastTurn = Math.Max(lastTurn, lastTurnStored);
    }

    public PoolWaitlist Copy()
    {
        var copy = new PoolWaitlist();
        copy.Restore(queue.Values, offers.Values.Select(o => (offeredEntries[o.PatientId], o)), lapsed, lastTurn);
        return copy;
    }
}
