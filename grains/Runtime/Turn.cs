namespace OrleansBooking.Grains.Runtime;

/// <summary>
/// One queued call: the work to run against the grain, and the caller's reply. The reply is
/// released separately from running, because a decision is answered only once it is durable.
/// </summary>
internal abstract class Turn<TGrain>
{
    private int abandoned;

    /// <summary>The caller stopped waiting (timeout); a turn not yet run is skipped so nothing is decided for nobody.</summary>
    public bool IsAbandoned => Volatile.Read(ref abandoned) == 1;

    public void Abandon() => Interlocked.Exchange(ref abandoned, 1);

    /// <summary>
    /// False for the runtime's own housekeeping turns, whose answers do not depend on the
    /// grain's decisions and so need not wait for a commit.
    /// </summary>
    public bool WaitsForCommit { get; init; } = true;

    /// <summary>Runs the call. Returns false when the call threw; the fault is already stored as the reply.</summary>
    public abstract ValueTask<bool> RunAsync(TGrain grain);

    /// <summary>Releases the reply computed by <see cref="RunAsync"/> (or the fault it stored).</summary>
    public abstract void Complete();

    /// <summary>Replaces the reply with a fault: the decision did not become durable.</summary>
    public abstract void Fail(Exception fault);
}

internal sealed class Turn<TGrain, TResult>(Func<TGrain, ValueTask<TResult>> body) : Turn<TGrain>
{
    private readonly TaskCompletionSource<TResult> reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? result;
    private Exception? fault;

    public Task<TResult> Reply => reply.Task;

    public override async ValueTask<bool> RunAsync(TGrain grain)
    {
        try
        {
            result = await body(grain).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex)
        {
            fault = ex;
            return false;
        }
    }

    public override void Complete()
    {
        if (fault is null) reply.TrySetResult(result!);
        else reply.TrySetException(fault);
    }

    public override void Fail(Exception failure) => reply.TrySetException(failure);
}
