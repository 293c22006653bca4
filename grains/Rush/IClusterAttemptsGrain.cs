namespace OrleansBooking.Grains.Rush;

/// <summary>
/// The cluster's reservation attempts per pool and second over the last minute, for the rush board
/// (key: <see cref="RushWindow.TallyKey"/>). Each silo counts its own answers in memory and reports its whole seconds
/// here once a second, so the reservation route never calls this grain. Nothing is stored: a silo
/// that stops reporting simply ages out of the window, and a new activation (its silo lost) fills
/// again from the next reports.
/// </summary>
public interface IClusterAttemptsGrain : IGrainWithStringKey
{
    /// <summary>Replaces the reporter's counts for every second the report covers.</summary>
    Task ReportAsync(SiloAttemptsReport report);

    /// <summary>
    /// Every pool with attempts in the minute ending at <paramref name="nowSecond"/> (Unix seconds),
    /// summed over every reporter but <paramref name="exceptReporter"/> (the asking silo, which adds
    /// its own live counts). The last whole second is <c>nowSecond − 1</c>.
    /// </summary>
    [ReadOnly]
    Task<IReadOnlyList<PoolAttemptsSnapshot>> GetLastMinuteAsync(string exceptReporter, long nowSecond);
}
