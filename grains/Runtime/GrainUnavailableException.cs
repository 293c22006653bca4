namespace OrleansBooking.Grains.Runtime;

/// <summary>
/// A call did not get a decision it can rely on, but trying again may succeed. Every fault the
/// runtime reports to a caller derives from this, so callers can map all of them to "retry".
/// </summary>
public abstract class GrainUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How long a caller should wait before retrying.</summary>
    public abstract TimeSpan RetryAfter { get; }
}

/// <summary>The activation's mailbox is full: fail fast rather than queue without bound.</summary>
public sealed class GrainOverloadedException(string grain, int queueLimit)
    : GrainUnavailableException($"{grain} has {queueLimit} calls queued; refusing more.")
{
    public override TimeSpan RetryAfter => TimeSpan.FromSeconds(1);
}

/// <summary>The call was not answered within the call timeout. Its decision may or may not commit later.</summary>
public sealed class GrainCallTimeoutException(string grain, TimeSpan timeout)
    : GrainUnavailableException($"{grain} did not answer within {timeout.TotalMilliseconds:0} ms.")
{
    public override TimeSpan RetryAfter => TimeSpan.FromSeconds(1);
}

/// <summary>
/// The state could not be loaded, or the write holding this call's decision failed (storage
/// fault or version conflict). The decision was undone in memory; nothing was acknowledged.
/// </summary>
public sealed class GrainStorageException(string grain, bool versionConflict, Exception inner)
    : GrainUnavailableException(
        versionConflict
            ? $"{grain} was written by another activation; the decision was undone and state reloads."
            : $"{grain} could not reach its storage: {inner.Message}",
        inner)
{
    public bool IsVersionConflict { get; } = versionConflict;
    public override TimeSpan RetryAfter => IsVersionConflict ? TimeSpan.Zero : TimeSpan.FromSeconds(2);
}
