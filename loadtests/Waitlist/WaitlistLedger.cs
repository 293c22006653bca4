using System.Collections.Concurrent;

namespace OrleansBooking.LoadTests.Waitlist;

/// <summary>
/// How a patient answered an offer. <see cref="Unknown"/>: "accept" was pressed and cut off before an
/// answer (the drain deadline), so the number may be theirs now or may have stayed on offer until it ran out.
/// </summary>
public enum OfferAnswer { Accepted, Declined, LetLapse, Refused, Unknown }

/// <summary>
/// An offer a waiting patient saw: number <see cref="SequenceNumber"/> was theirs at least from
/// <see cref="SeenAt"/> (the answer's arrival) until <see cref="PendingUntil"/> (when they answered,
/// or the offer's own expiry if they let it run out or their accept went unanswered) — the window
/// nobody else may hold it.
/// </summary>
public sealed record OfferSeen(string PoolId, string PatientId, int SequenceNumber, DateTimeOffset SeenAt, DateTimeOffset PendingUntil, OfferAnswer Answer)
{
    /// <summary>The reservation accepting made, and its number.</summary>
    public string? ReservationId { get; init; }
    public int? ReservedNumber { get; init; }
}

/// <summary>Who joined which waitlist, which offers they saw, and what they did with them.</summary>
public sealed class WaitlistLedger
{
    private readonly ConcurrentDictionary<(string PoolId, string PatientId), int> _joined = new();
    private readonly ConcurrentQueue<OfferSeen> _offers = new();

    /// <summary>(pool, patient) → the population member, whose token reads the place back.</summary>
    public IReadOnlyDictionary<(string PoolId, string PatientId), int> Joined => _joined;

    public IReadOnlyCollection<OfferSeen> Offers => _offers.ToList();

    public void Join(string poolId, string patientId, int member) => _joined.TryAdd((poolId, patientId), member);

    public void Offer(OfferSeen offer) => _offers.Enqueue(offer);
}
