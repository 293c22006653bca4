namespace OrleansBooking.Api.Contracts;

/// <summary>
/// Answer (202) to a reservation request during a pool's draw window: the patient's entry, drawn at
/// <paramref name="DrawAt"/>. No number yet; after the draw the same request (or the same
/// Idempotency-Key) is answered with the reservation won, or first come, first served.
/// </summary>
public sealed record LotteryEntryResponse(string PoolId, string PatientId, string Status, DateTimeOffset EnteredAt, DateTimeOffset DrawAt)
{
    public const string Entered = "entered";
}
