using System.ComponentModel;

namespace OrleansBooking.Api.Contracts;

/// <summary>The <c>lottery</c> of a pool creation: its numbers are drawn among the requests of the window's first minutes after the release.</summary>
public sealed record LotteryRequest(
    [property: Description("1–60: requests from the release until this many minutes after it are entries in the draw.")] int? WindowMinutes);
