using OrleansBooking.Grains.Waitlist;

namespace OrleansBooking.Api.Contracts.Waitlist;

/// <summary>
/// A patient's place on a pool's waitlist: <c>waiting</c> with a position (1 = next when a number
/// comes back), or <c>offered</c> with the number held for them and until when. Instants are in the hospital's time zone.
/// </summary>
public sealed record WaitlistPlaceResponse(string PoolId, string PatientId, string Status, int? Position, DateTimeOffset JoinedAt, WaitlistOfferView? Offer)
{
    public const string Waiting = "waiting";
    public const string Offered = "offered";

    public static WaitlistPlaceResponse From(WaitlistPlace place, HospitalTime time) => new(
        place.PoolId, place.PatientId,
        place.Offer is null ? Waiting : Offered,
        place.Offer is null ? place.Position : null,
        time.ToLocal(place.JoinedAt),
        place.Offer is { } offer ? new WaitlistOfferView(offer.SequenceNumber, time.ToLocal(offer.VisitTime), time.ToLocal(offer.ExpiresAt)) : null);
}

/// <summary>The number held for the patient: accept before <c>expiresAt</c> (POST …/accept), or decline it.</summary>
public sealed record WaitlistOfferView(int SequenceNumber, DateTimeOffset VisitTime, DateTimeOffset ExpiresAt);

/// <summary>The answer to leaving a waitlist or declining an offer.</summary>
public sealed record WaitlistLeftResponse(string PoolId, string PatientId, bool DeclinedOffer);
