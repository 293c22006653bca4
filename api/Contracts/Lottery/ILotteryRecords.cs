namespace OrleansBooking.Api.Contracts.Lottery;

/// <summary>A pool's draw and an account's entries, read from committed rows (never from the pool grains).</summary>
public interface ILotteryRecords
{
    /// <summary>The pool's draw as stored, or null when there is no such pool (a first-come pool has no window).</summary>
    Task<PoolLotteryRecord?> ReadPoolAsync(string poolId, CancellationToken cancellationToken);

    /// <summary>Entries in draws of sessions on or after <paramref name="from"/> for the patients <paramref name="accountId"/> manages, by visit date.</summary>
    Task<IReadOnlyList<AccountLotteryEntry>> ListAccountEntriesAsync(string accountId, DateOnly from, CancellationToken cancellationToken);
}

/// <summary>
/// A pool's draw as stored: its window (null: the pool is first come, first served), the seed, when
/// it drew (null: not yet), the quota now, and every entry with its rank and the number won.
/// </summary>
public sealed record PoolLotteryRecord(
    string PoolId,
    int? WindowMinutes,
    DateTimeOffset ReleaseAt,
    string? Seed,
    DateTimeOffset? DrawnAt,
    int Quota,
    IReadOnlyList<LotteryEntryRecord> Entries);

/// <summary>One entry: <paramref name="Rank"/> (1 drew first) and <paramref name="WonNumber"/> once drawn; both null before the draw.</summary>
public sealed record LotteryEntryRecord(string PatientId, DateTimeOffset EnteredAt, int? Rank, int? WonNumber);

/// <summary>One of an account's patients' entries, with its session and the draw's instant.</summary>
public sealed record AccountLotteryEntry(
    string PoolId,
    string PatientId,
    string DoctorId,
    DateOnly Date,
    string Session,
    DateTimeOffset EnteredAt,
    DateTimeOffset DrawAt,
    bool Drawn,
    int? WonNumber);
