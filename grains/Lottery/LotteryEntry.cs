namespace OrleansBooking.Grains.Lottery;

/// <summary>
/// A patient's entry in a pool's draw, made by a request during the window. The idempotency key of
/// the request that made it is kept so a winner's retry after the draw is answered with the number won.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.LotteryEntry")]
public sealed record LotteryEntry(string PatientId, DateTimeOffset EnteredAt, string? IdempotencyKey = null);
