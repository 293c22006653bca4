namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// A patient asking for a number. The idempotency key makes retries of one attempt safe.
/// <paramref name="AcceptsOffer"/>: the patient answers a waitlist offer, so without one pending the
/// answer is offer_expired (or no offer), never a number from the open pool.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.ReserveRequest")]
public sealed record ReserveRequest(string PatientId, string? IdempotencyKey = null, bool AcceptsOffer = false);
