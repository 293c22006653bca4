using System.ComponentModel;

namespace OrleansBooking.Api.Contracts;

/// <summary>Body of <c>PATCH /api/admin/pools/{poolId}</c>; absent (or null) fields stay as they are.</summary>
public sealed record UpdatePoolRequest(
    [property: Description("1–10000; never below the highest number a patient holds.")] int? Quota = null,
    [property: Description("ISO-8601 with an offset.")] string? ReleaseAt = null,
    [property: Description("open | closed | cancelled (cancelled stops the clinic and releases every number).")] string? Status = null,
    [property: Description("lottery | first_come: how the numbers are given; only before the release and while no reservation exists. "
        + "lottery needs lottery.windowMinutes.")] string? Allocation = null,
    [property: Description("The draw's window (sets allocation lottery when allocation is absent).")] LotteryRequest? Lottery = null);
