namespace OrleansBooking.LoadTests.Comparison;

/// <summary>One measured round of the ceiling: our generator, then wrk, against the same warm silo.</summary>
public sealed record CeilingRound(int Number, LegResult Ours, WrkCeilingResult Wrk);

/// <summary>
/// The ceiling measured fairly: the silo is first warmed by an unmeasured pass of our ceiling, then
/// our generator and wrk take turns (ours, wrk, ours, wrk …), so neither gets only the colder silo;
/// the rates compared are the medians of the rounds.
/// </summary>
public sealed record CeilingRounds(IReadOnlyList<CeilingRound> Rounds)
{
    public const int DefaultRounds = 3;

    /// <summary>Issue 11: our generator should reach at least this share of wrk's request rate on /health/live.</summary>
    public const double TargetShare = 0.8;

    /// <summary>Warms the silo, then runs the rounds in turn. Once wrk is found missing it is not tried again.</summary>
    public static async Task<CeilingRounds> RunAsync(
        int rounds, Func<Task> warmSilo, Func<int, Task<LegResult>> ours, Func<int, Task<WrkCeilingResult>> wrk)
    {
        if (rounds < 1) throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "At least one round.");
        await warmSilo().ConfigureAwait(false);
        var done = new List<CeilingRound>(rounds);
        WrkCeilingResult? absent = null;
        for (int round = 1; round <= rounds; round++)
        {
            var our = await ours(round).ConfigureAwait(false);
            var their = absent ?? await wrk(round).ConfigureAwait(false);
            // Missing (not installed, skipped) or failed: the next round would fail the same way.
            if (their.Run is null) absent = their;
            done.Add(new CeilingRound(round, our, their));
        }
        return new CeilingRounds(done);
    }

    /// <summary>Our generator's median requests/s over the rounds.</summary>
    public double OursMedian => Median(Rounds.Select(r => r.Ours.RequestsPerSecond).ToList())!.Value;

    /// <summary>wrk's median requests/s over the rounds it ran; null when it ran in none.</summary>
    public double? WrkMedian => Median(Rounds.Where(r => r.Wrk.Run is not null).Select(r => r.Wrk.Run!.Output.RequestsPerSecond).ToList());

    public double? OursCpuMedian => Median(Rounds.Where(r => r.Ours.CpuSecondsPerThousandRequests is not null)
        .Select(r => r.Ours.CpuSecondsPerThousandRequests!.Value).ToList());

    public double? WrkCpuMedian => Median(Rounds.Where(r => r.Wrk.Run is not null).Select(r => r.Wrk.Run!.CpuSecondsPerThousandRequests).ToList());

    /// <summary>Ratio of the medians, ours / wrk; null without wrk.</summary>
    public double? Share => WrkMedian is > 0 and var w ? OursMedian / w : null;

    /// <summary>Why wrk did not run, from the first round it did not; null when it ran in every round.</summary>
    public string? WrkMissing => Rounds.Select(r => r.Wrk.Missing).FirstOrDefault(m => m is not null);

    /// <summary>The round whose rate of ours is the (lower) median: the one shown among the legs.</summary>
    public LegResult MedianOurs => Rounds.Select(r => r.Ours).OrderBy(l => l.RequestsPerSecond).ElementAt((Rounds.Count - 1) / 2);

    /// <summary>The middle value, or the mean of the two middle ones; null for none.</summary>
    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
