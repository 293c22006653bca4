namespace OrleansBooking.Grains.GroupCommit;

/// <summary>
/// A call did not get a decision it can rely on, but trying again may succeed. Every fault a
/// grain reports to a caller derives from this, so callers can map all of them to "retry".
/// Serializable (it crosses grain calls); it carries no inner exception, because a database
/// driver's exception types need not be serializable: the grain logs the cause instead.
/// </summary>
[GenerateSerializer, Alias("OrleansBooking.GrainUnavailableException")]
public abstract class GrainUnavailableException : Exception
{
    protected GrainUnavailableException(string message) : base(message) { }

    /// <summary>How long a caller should wait before retrying.</summary>
    public abstract TimeSpan RetryAfter { get; }
}

/// <summary>Too many callers already wait on this grain: fail fast rather than queue without bound.</summary>
[GenerateSerializer, Alias("OrleansBooking.GrainOverloadedException")]
public sealed class GrainOverloadedException : GrainUnavailableException
{
    public GrainOverloadedException(string grain, int waitingLimit)
        : base($"{grain} has {waitingLimit} calls waiting; refusing more.") { }

    public override TimeSpan RetryAfter => TimeSpan.FromSeconds(1);
}

/// <summary>
/// The state could not be loaded, or the write holding this call's decision failed (storage
/// fault or version conflict). The decision was undone in memory; nothing was acknowledged.
/// </summary>
[GenerateSerializer, Alias("OrleansBooking.GrainStorageException")]
public sealed class GrainStorageException : GrainUnavailableException
{
    public GrainStorageException(string grain, bool versionConflict, string cause)
        : base(versionConflict
            ? $"{grain} was written by another activation; the decision was undone and state reloads."
            : $"{grain} could not reach its storage: {cause}")
    {
        IsVersionConflict = versionConflict;
    }

    [Id(0)]
    public bool IsVersionConflict { get; private set; }

    public override TimeSpan RetryAfter => IsVersionConflict ? TimeSpan.Zero : TimeSpan.FromSeconds(2);
}
