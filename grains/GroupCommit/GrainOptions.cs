namespace OrleansBooking.Grains.GroupCommit;

/// <summary>
/// How the grains behave under load. Bound from configuration section <see cref="SectionName"/>;
/// the silo hands the timings to Orleans (response timeout, grain collection).
/// </summary>
public sealed class GrainOptions
{
    public const string SectionName = "Grains";
    public const int DefaultMaxWaitingCalls = 10_000;
    public const int DefaultMaxChangesPerWrite = 1_000;
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultIdleAge = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan DefaultCollectionInterval = TimeSpan.FromMinutes(1);

    /// <summary>Calls one grain may have waiting for commits before new calls fail with "overloaded". Default 10,000.</summary>
    public int MaxWaitingCalls { get; set; } = DefaultMaxWaitingCalls;

    /// <summary>How long a caller waits for its reply, commit included (Orleans' response timeout). Default 30 s.</summary>
    public TimeSpan CallTimeout { get; set; } = DefaultCallTimeout;

    /// <summary>A grain unused this long is deactivated (Orleans' collection age). Default 15 min.</summary>
    public TimeSpan IdleAge { get; set; } = DefaultIdleAge;

    /// <summary>How often idle grains are looked for (Orleans' collection quantum). Default 1 min.</summary>
    public TimeSpan CollectionInterval { get; set; } = DefaultCollectionInterval;

    /// <summary>
    /// Most changes one write carries; a longer backlog is split into consecutive writes so one
    /// transaction stays within the database's packet and lock limits. Default 1,000.
    /// </summary>
    public int MaxChangesPerWrite { get; set; } = DefaultMaxChangesPerWrite;
}
