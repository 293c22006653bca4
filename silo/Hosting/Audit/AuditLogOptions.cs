namespace OrleansBooking.Silo.Hosting.Audit;

/// <summary>How the audit log buffers and writes. Bound from configuration section <see cref="SectionName"/>.</summary>
public sealed class AuditLogOptions
{
    public const string SectionName = "Booking:Audit";
    public const int DefaultCapacity = 10_000;
    public const int DefaultMaxBatch = 1000;
    public const int DefaultWriteAttempts = 3;
    public static readonly TimeSpan DefaultBatchInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Entries held in memory waiting to be written. Default 10,000: many batch intervals of a
    /// rush's successful bookings. Past it new entries are dropped (counted and logged), never waited for.
    /// </summary>
    public int Capacity { get; set; } = DefaultCapacity;

    /// <summary>
    /// How long entries gather before they are written. Default 1 second: one audit transaction
    /// a second at most, however busy the service, and at most a second of entries lost in a crash.
    /// </summary>
    public TimeSpan BatchInterval { get; set; } = DefaultBatchInterval;

    /// <summary>Entries per write transaction; more waiting are written in further transactions straight after. Default 1,000.</summary>
    public int MaxBatch { get; set; } = DefaultMaxBatch;

    /// <summary>Attempts to write one batch before it is given up (and logged). Default 3.</summary>
    public int WriteAttempts { get; set; } = DefaultWriteAttempts;

    /// <summary>The pause between attempts to write a batch. Default 1 second; none while the host stops.</summary>
    public TimeSpan RetryDelay { get; set; } = DefaultRetryDelay;
}
