using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansBooking.Grains.GroupCommit;

/// <summary>
/// What group commit shows an operator (meter <see cref="MeterName"/>, exported on /metrics): how
/// many changes each write carries, how long a write takes, how many callers wait on an activation
/// when a write starts (its mailbox of waiting calls), and how many writes fail.
/// </summary>
public static class GroupCommitMetrics
{
    public const string MeterName = "OrleansBooking";

    /// <summary>
    /// Seconds, from half a millisecond (one SQLite commit of a batch) to ten seconds (a database
    /// in trouble). Without them the SDK's defaults, made for milliseconds (0, 5, 10, 25, … 10,000),
    /// put every write of a healthy database in the first bucket.
    /// </summary>
    internal static readonly IReadOnlyList<double> DurationBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("orleansbooking.commit.batch_size", "{change}", "Changes per group-commit write.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "orleansbooking.commit.duration", "s", "Time of one group-commit write.", tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    private static readonly Histogram<int> Waiting = Meter.CreateHistogram<int>("orleansbooking.grain.waiting_calls", "{call}", "Callers waiting on an activation when a write starts.");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("orleansbooking.commit.failures", "{write}", "Group-commit writes that failed (all their callers got a retryable error).");

    public static long WriteStarting(int changes, int waitingCalls)
    {
        BatchSize.Record(changes);
        Waiting.Record(waitingCalls);
        return Stopwatch.GetTimestamp();
    }

    public static void WriteEnded(long started, bool committed)
    {
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        if (!committed) Failures.Add(1);
    }
}
