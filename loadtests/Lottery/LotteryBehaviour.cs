namespace OrleansBooking.LoadTests.Lottery;

/// <summary>How the run's pools draw and how entrants look for their result (<c>rush --lottery</c>).</summary>
public sealed record LotteryBehaviour
{
    /// <summary>The pools' <c>lottery.windowMinutes</c>. Default 1, the service's least (whole minutes).</summary>
    public int WindowMinutes { get; init; } = 1;
    /// <summary>How often an entrant looks at "my draws" after the draw time until it shows a result. Default 1 s.</summary>
    public TimeSpan LookEvery { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>How long after the draw time an entrant keeps looking. Default 30 s: the list is read from committed rows, a moment behind.</summary>
    public TimeSpan LookFor { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);

    public void Validate()
    {
        if (WindowMinutes is < 1 or > 60) throw new ArgumentException("--lottery-window must be whole minutes from 1m to 60m (the service's bounds).");
    }

    /// <summary><c>--lottery-window</c> as given (e.g. <c>2m</c>, <c>120s</c>) in whole minutes; anything else is refused, not rounded.</summary>
    public static int WindowMinutesOf(TimeSpan window)
    {
        if (window.Ticks % TimeSpan.TicksPerMinute != 0)
            throw new ArgumentException($"--lottery-window must be whole minutes (got {window}).");
        return (int)Math.Min(window.TotalMinutes, int.MaxValue);
    }
}
