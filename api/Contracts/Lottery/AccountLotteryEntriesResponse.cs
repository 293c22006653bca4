namespace OrleansBooking.Api.Contracts.Lottery;

/// <summary>"My draws": every entry of the account's patients for sessions from today on, instants in the hospital's time zone.</summary>
public sealed record AccountLotteryEntriesResponse(IReadOnlyList<AccountLotteryEntryView> Entries)
{
    public const string Entered = "entered";
    public const string Won = "won";
    public const string NotDrawn = "not_drawn";

    public static AccountLotteryEntriesResponse From(IReadOnlyList<AccountLotteryEntry> entries, HospitalTime time) => new(entries
        .Select(e => new AccountLotteryEntryView(
            e.PoolId, e.PatientId, e.DoctorId, e.Date, e.Session,
            !e.Drawn ? Entered : e.WonNumber is null ? NotDrawn : Won,
            time.ToLocal(e.EnteredAt), time.ToLocal(e.DrawAt), e.WonNumber))
        .ToList());
}

/// <summary>
/// One entry: <paramref name="Status"/> <c>entered</c> (waiting for the draw at <paramref name="DrawAt"/>),
/// <c>won</c> (with <paramref name="SequenceNumber"/>) or <c>not_drawn</c>.
/// </summary>
public sealed record AccountLotteryEntryView(
    string PoolId,
    string PatientId,
    string DoctorId,
    DateOnly Date,
    string Session,
    string Status,
    DateTimeOffset EnteredAt,
    DateTimeOffset DrawAt,
    int? SequenceNumber);
