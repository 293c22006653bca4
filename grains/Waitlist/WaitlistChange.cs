using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Grains.Waitlist;

/// <summary>
/// A change to a pool's waitlist, as data: applied by the pool's state and written by its storage in
/// the same batch as the reservations, so a freed number and the offer it became commit together.
/// </summary>
public abstract record WaitlistChange : SlotPoolChange;

public sealed record WaitlistJoined(WaitlistEntry Entry) : WaitlistChange;

/// <summary>A waiting patient left the queue (without an offer pending).</summary>
public sealed record WaitlistLeft(string PatientId, DateTimeOffset At) : WaitlistChange;

/// <summary>
/// The first patient waiting is offered a freed number; the <c>waitlist_offer</c> notification
/// (<paramref name="NotificationId"/>, naming <paramref name="PoolId"/>) is written with it.
/// </summary>
public sealed record WaitlistOfferMade(string PoolId, WaitlistOffer Offer, string NotificationId) : WaitlistChange;

/// <summary>An offer ended unaccepted: its number is free again (and passes on at once).</summary>
public sealed record WaitlistOfferLapsed(string PatientId, OfferLapse Lapse, DateTimeOffset At) : WaitlistChange;

/// <summary>
/// The clinic was stopped: the patient's entry ends (waiting or offered; an offered number is freed
/// with it) and the <c>waitlist_ended</c> notification (<paramref name="NotificationId"/>, with the
/// hospital's <paramref name="Reason"/>) is written in the same batch.
/// </summary>
public sealed record WaitlistWithdrawn(string PoolId, string PatientId, string? Reason, string NotificationId, DateTimeOffset At) : WaitlistChange;

/// <summary>The patient took the offer: raised just before the <see cref="ReservationMade"/> that holds its number.</summary>
public sealed record WaitlistOfferTaken(string PatientId, string ReservationId, DateTimeOffset At) : WaitlistChange;
