using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansBooking.LoadTests.Service;

// The draw's routes of docs/waitlist-and-lottery.md as the load tester sees them; only the fields it reads.

/// <summary>The <c>lottery</c> of <c>POST /api/admin/pools</c>: requests of the first <see cref="WindowMinutes"/> after the release are entries.</summary>
public sealed record NewLottery(int WindowMinutes);

/// <summary>The <c>202</c> to a reservation request in the draw window: the patient's entry, drawn at <see cref="DrawAt"/>.</summary>
public sealed record DrawEntry(string PoolId, string PatientId, string Status, DateTimeOffset EnteredAt, DateTimeOffset DrawAt);

/// <summary>What a reservation request in a pool that draws answered: a reservation (the window closed) or an entry.</summary>
public sealed record ReservationOrEntry(Reservation? Reservation, DrawEntry? Entry);

/// <summary><c>GET /api/admin/pools/{poolId}/lottery</c>: the draw's window, result and every entry.</summary>
public sealed record DrawAudit(
    string PoolId, int WindowMinutes, DateTimeOffset ReleaseAt, DateTimeOffset ClosesAt, string Status, DateTimeOffset? DrawnAt,
    string? Seed, int Quota, IReadOnlyList<DrawAuditEntry> Entries)
{
    public const string Open = "open";
    public const string Drawn = "drawn";
}

/// <summary>One entry of the audit: <see cref="SequenceNumber"/> is the number won, null when not drawn (or before the draw).</summary>
public sealed record DrawAuditEntry(string PatientId, DateTimeOffset EnteredAt, int? Rank, int? SequenceNumber);

/// <summary><c>GET /api/account/lottery-entries</c>: the account's patients' entries.</summary>
public sealed record AccountDrawEntries(IReadOnlyList<AccountDrawEntry> Entries);

/// <summary>One of the account's entries: <c>entered</c> (not drawn yet), <c>won</c> with its number, or <c>not_drawn</c>.</summary>
public sealed record AccountDrawEntry(string PoolId, string PatientId, string Status, DateTimeOffset EnteredAt, DateTimeOffset DrawAt, int? SequenceNumber)
{
    public const string Entered = "entered";
    public const string Won = "won";
    public const string NotDrawn = "not_drawn";
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DrawEntry))]
[JsonSerializable(typeof(DrawAudit))]
[JsonSerializable(typeof(AccountDrawEntries))]
public sealed partial class LotteryJson : JsonSerializerContext;
