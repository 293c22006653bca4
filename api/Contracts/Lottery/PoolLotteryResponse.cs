namespace OrleansBooking.Api.Contracts.Lottery;

/// <summary>
/// A pool's draw for the audit: the window, the seed (only once drawn: before, it would tell who is
/// going to win), and every entry with its rank and number won. Anyone holding the seed and the
/// list of entries can recompute the result (<c>LotteryDraw.Draw</c>).
/// </summary>
public sealed record PoolLotteryResponse(
    string PoolId,
    int WindowMinutes,
    DateTimeOffset ReleaseAt,
    DateTimeOffset ClosesAt,
    string Status,
    DateTimeOffset? DrawnAt,
    string? Seed,
    int Quota,
    IReadOnlyList<PoolLotteryEntryView> Entries)
{
    public const string Open = "open";
    public const string Drawn = "drawn";

    /// <summary>The audit of a pool that draws (<paramref name="record"/>'s window is set), instants in the hospital's zone.</summary>
    public static PoolLotteryResponse From(PoolLotteryRecord record, int windowMinutes, HospitalTime time) => new(
        record.PoolId,
        windowMinutes,
        time.ToLocal(record.ReleaseAt),
        time.ToLocal(record.ReleaseAt + TimeSpan.FromMinutes(windowMinutes)),
        record.DrawnAt is null ? Open : Drawn,
        record.DrawnAt is { } drawnAt ? time.ToLocal(drawnAt) : null,
        record.DrawnAt is null ? null : record.Seed,
        record.Quota,
        record.Entries
            .OrderBy(e => e.Rank ?? int.MaxValue).ThenBy(e => e.EnteredAt).ThenBy(e => e.PatientId, StringComparer.Ordinal)
            .Select(e => new PoolLotteryEntryView(e.PatientId, time.ToLocal(e.EnteredAt), e.Rank, e.WonNumber))
            .ToList());
}

/// <summary>One entry in the audit: <paramref name="Rank"/> and <paramref name="SequenceNumber"/> (the number won) null until the draw; a number null after it: not drawn.</summary>
public sealed record PoolLotteryEntryView(string PatientId, DateTimeOffset EnteredAt, int? Rank, int? SequenceNumber);
