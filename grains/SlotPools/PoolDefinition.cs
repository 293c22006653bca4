using OrleansBooking.Grains.Lottery;

namespace OrleansBooking.Grains.SlotPools;

/// <summary>
/// What an admin states when opening a pool: one doctor's session on one day. The department is
/// optional (pools opened by hand may not name one); per-department limits read it.
/// With a <paramref name="LotteryWindow"/> the numbers are drawn among the requests of the window's
/// first minutes after the release; the pool grain chooses the <paramref name="LotterySeed"/> when it is created.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.PoolDefinition")]
public sealed record PoolDefinition(
    string PoolId,
    string DoctorId,
    DateOnly Date,
    ClinicSession Session,
    TimeOnly StartTime,
    int MinutesPerNumber,
    int Quota,
    decimal Fee,
    DateTimeOffset ReleaseAt,
    string? DepartmentId = null,
    LotteryWindow? LotteryWindow = null,
    LotterySeed? LotterySeed = null)
{
    /// <summary>When the draw happens, or null for a first-come-first-served pool.</summary>
    public DateTimeOffset? LotteryClosesAt => LotteryWindow?.ClosesAt(ReleaseAt);
}
