using System.ComponentModel;

namespace OrleansBooking.Api.Contracts;

/// <summary>
/// Body of <c>POST /api/admin/pools</c>. Dates, times and enums travel as strings and every field
/// is nullable, so that one validation pass can name every missing or malformed field at once.
/// The optional poolId comes last, with a default, so the OpenAPI document does not require it.
/// </summary>
public sealed record CreatePoolRequest(
    [property: Description("1–64 chars of [A-Za-z0-9_.:-].")] string? DoctorId,
    [property: Description("Visit day, yyyy-MM-dd, in the hospital's time zone.")] string? Date,
    [property: Description("morning | afternoon | evening")] string? Session,
    [property: Description("First visit of the session, HH:mm local time.")] string? StartTime,
    [property: Description("1–240.")] int? MinutesPerNumber,
    [property: Description("Numbers on offer, 1–10000.")] int? Quota,
    [property: Description("0–100000, at most two decimals.")] decimal? Fee,
    [property: Description("When booking opens: ISO-8601 with an offset, e.g. 2026-12-01T08:00:00+08:00.")] string? ReleaseAt,
    [property: Description("Optional; 1–64 chars of [A-Za-z0-9_.:-]. Generated when absent.")] string? PoolId = null,
    [property: Description("Optional; the department the session belongs to (per-department limits read it).")] string? DepartmentId = null,
    [property: Description("Optional; numbers drawn among the requests of the first windowMinutes after the release instead of first come, first served.")] LotteryRequest? Lottery = null);
