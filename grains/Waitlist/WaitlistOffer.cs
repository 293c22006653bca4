namespace OrleansBooking.Grains.Waitlist;

/// <summary>A freed number held for one waiting patient until <paramref name="ExpiresAt"/> (good until, not at, that instant).</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.WaitlistOffer")]
public sealed record WaitlistOffer(string PatientId, int SequenceNumber, DateTimeOffset VisitTime, DateTimeOffset OfferedAt, DateTimeOffset ExpiresAt);
