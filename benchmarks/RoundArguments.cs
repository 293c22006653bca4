namespace OrleansBooking.Benchmarks;

/// <summary>
/// What the in-process memory benchmarks share: their options, each a positive count
/// (<c>--sessions 20000</c>), and the median of their rounds.
/// </summary>
internal static class RoundArguments
{
    /// <summary>The header line that says what ran the rounds.</summary>
    public static string Machine =>
        $"# {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}";

    /// <summary>
    /// Reads <c>--name N</c> pairs into <paramref name="counts"/>, which holds the defaults and names
    /// the options known; on anything else (an unknown option, a missing or non-positive count)
    /// writes <paramref name="usage"/> to standard error and returns false.
    /// </summary>
    public static bool TryParse(string[] args, Dictionary<string, int> counts, string usage)
    {
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!counts.ContainsKey(args[i]) || i + 1 >= args.Length || !int.TryParse(args[i + 1], out var n) || n <= 0)
            {
                Console.Error.WriteLine(usage);
                return false;
            }
            counts[args[i]] = n;
        }
        return true;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
