namespace OrleansBooking.Grains.SlotPools;

/// <summary>A patient asking for a number. The idempotency key makes retries of one attempt safe.</summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.ReserveRequest")]
public sealed record ReserveRequest(string PatientId, string? IdempotencyKey = null);
