namespace OrleansBooking.Grains.Lottery;

/// <summary>
/// How long after the release instant requests are entries in the draw rather than bookings (e.g.
/// release 08:00, window 10 minutes: 08:00–08:10). Between <see cref="Shortest"/> and
/// <see cref="Longest"/>: a window of nothing draws among no one, and a long one keeps every patient
/// waiting for an answer the morning needs.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansBooking.LotteryWindow")]
public sealed record LotteryWindow(TimeSpan Length)
{
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(60);

    /// <summary>Why <paramref name="length"/> cannot be a window, or null when it can.</summary>
    public static string? Refusal(TimeSpan length) =>
        length < Shortest || length > Longest
            ? $"A draw's window must be between {Shortest.TotalMinutes:0} and {Longest.TotalMinutes:0} minutes."
            : null;

    /// <summary>When the draw happens for a pool released at <paramref name="releaseAt"/>.</summary>
    public DateTimeOffset ClosesAt(DateTimeOffset releaseAt) => releaseAt + Length;

    /// <summary>True while a request at <paramref name="now"/> is an entry: from the release instant until, not at, the close.</summary>
    public bool IsOpenAt(DateTimeOffset releaseAt, DateTimeOffset now) => now >= releaseAt && now < ClosesAt(releaseAt);
}
