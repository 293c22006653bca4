using OrleansBooking.Grains.Waitlist;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// The waitlist part of a pool's state: an offer takes its number out of the free numbers, as a
/// reservation does, so nobody else can be given it while the offer is pending.
/// </summary>
public sealed partial class SlotPoolState
{
    public PoolWaitlist Waitlist { get; private set; } = new();

    /// <summary>Numbers held: reservations holding one plus offers pending. The quota bounds this.</summary>
    public int Taken => Booked + Waitlist.OfferCount;

    /// <summary>Puts a stored (or copied) waitlist in place, after the reservations: offered numbers are taken again.</summary>
    public void RestoreWaitlist(PoolWaitlist waitlist)
    {
        Waitlist = waitlist;
        foreach (var offer in waitlist.Offers) TakeNumber(offer.SequenceNumber);
    }

    private void ApplyWaitlist(WaitlistChange change)
    {
        switch (change)
        {
            case WaitlistJoined joined:
                Waitlist.Join(joined.Entry);
                break;
            case WaitlistLeft left:
                Waitlist.Leave(left.PatientId);
                break;
            case WaitlistOfferMade made:
                TakeNumber(made.Offer.SequenceNumber);
                Waitlist.Offer(made.Offer);
                break;
            case WaitlistOfferLapsed lapsed:
                freeNumbers.Add(Waitlist.EndOffer(lapsed.PatientId, lapsedUnaccepted: true).SequenceNumber);
                break;
            case WaitlistWithdrawn withdrawn when Waitlist.OfferFor(withdrawn.PatientId) is not null:
                freeNumbers.Add(Waitlist.EndOffer(withdrawn.PatientId, lapsedUnaccepted: true).SequenceNumber);
                break;
            case WaitlistWithdrawn withdrawn:
                Waitlist.Withdraw(withdrawn.PatientId);
                break;
            case WaitlistOfferTaken taken:
                // The reservation raised next takes the same number back out of the free ones.
                freeNumbers.Add(Waitlist.EndOffer(taken.PatientId, lapsedUnaccepted: false).SequenceNumber);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown waitlist change.");
        }
    }
}
