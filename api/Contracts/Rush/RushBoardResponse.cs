namespace OrleansBooking.Api.Contracts.Rush;

/// <summary><c>GET /api/admin/rush</c>: every pool opening now and every pool being booked anywhere in the cluster in the last minute.</summary>
public sealed record RushBoardResponse(DateTimeOffset Now, IReadOnlyList<RushPoolResponse> Pools);

/// <summary>
/// One pool on the rush board: its committed counts, the reservation attempts of the last whole
/// second, and how the attempts of the last minute were answered.
/// </summary>
public sealed record RushPoolResponse(PoolResponse Pool, int AttemptsPerSecond, RushOutcomesResponse LastMinute);

public sealed record RushOutcomesResponse(int Attempts, int Booked, int SoldOut, int NotReleased, int Refused, int Failed);
