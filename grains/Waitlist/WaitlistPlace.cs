namespace OrleansBooking.Grains.Waitlist;

/// <summary>
/// Where a patient stands on a pool's waitlist: <paramref name="Position"/> among those still
/// waiting (1 is next), or an <paramref name="Offer"/> held for them now (then Position is 0).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.WaitlistPlace")]
public sealed record WaitlistPlace(string PoolId, string PatientId, int Position, DateTimeOffset JoinedAt, WaitlistOffer? Offer);
