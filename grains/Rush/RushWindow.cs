namespace OrleansBooking.Grains.Rush;

/// <summary>What the rush board looks back over, on every silo and in the cluster's tally.</summary>
public static class RushWindow
{
    /// <summary>The board's minute: the second a clock is in and the 59 before it.</summary>
    public const int Seconds = 60;

    /// <summary>The key of the one <see cref="IClusterAttemptsGrain"/> of the cluster.</summary>
    public const string TallyKey = "cluster";

    /// <summary>Whether <paramref name="second"/> is in the minute ending at <paramref name="nowSecond"/>.</summary>
    public static bool Holds(long nowSecond, long second) => second <= nowSecond && nowSecond - second < Seconds;
}
