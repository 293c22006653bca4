namespace OrleansBooking.Grains.Runtime;

/// <summary>Tuning of the actor runtime. Bound from configuration section <see cref="SectionName"/>.</summary>
public sealed class GrainRuntimeOptions
{
    public const string SectionName = "Runtime";
    public const int DefaultMailboxCapacity = 10_000;
    public const int DefaultMaxChangesPerWrite = 1_000;
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultIdleAge = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan DefaultCollectionInterval = TimeSpan.FromMinutes(1);

    /// <summary>Calls one activation may have queued before new calls fail with "overloaded". Default 10,000.</summary>
    public int MailboxCapacity { get; set; } = DefaultMailboxCapacity;

    /// <summary>How long a caller waits for its reply, queueing and commit included. Default 30 s.</summary>
    public TimeSpan CallTimeout { get; set; } = DefaultCallTimeout;

    /// <summary>An activation unused this long is deactivated (Orleans' default: 15 min).</summary>
    public TimeSpan IdleAge { get; set; } = DefaultIdleAge;

    /// <summary>How often idle activations are looked for. Default 1 min.</summary>
    public TimeSpan CollectionInterval { get; set; } = DefaultCollectionInterval;

    /// <summary>
    /// Most changes one write carries; a longer backlog is split into consecutive writes so one
    /// transaction stays within the database's packet and lock limits. Default 1,000.
    /// </summary>
    public int MaxChangesPerWrite { get; set; } = DefaultMaxChangesPerWrite;
}
