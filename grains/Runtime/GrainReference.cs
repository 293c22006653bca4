namespace OrleansBooking.Grains.Runtime;

/// <summary>
/// The address of a grain (class + key). Calls always succeed in finding it: the first call
/// activates it, and a reference stays valid across deactivations.
/// </summary>
public readonly struct GrainReference<TGrain>
{
    private readonly GrainKind<TGrain> kind;
    private readonly GrainRuntimeOptions options;
    private readonly TimeProvider clock;

    internal GrainReference(string key, GrainKind<TGrain> kind, GrainRuntimeOptions options, TimeProvider clock)
    {
        Key = key;
        this.kind = kind;
        this.options = options;
        this.clock = clock;
    }

    public string Key { get; }

    /// <summary>Runs <paramref name="call"/> as one turn; answers once whatever it decided is durable.</summary>
    public Task<TResult> CallAsync<TResult>(Func<TGrain, TResult> call) =>
        CallAsync(grain => ValueTask.FromResult(call(grain)));

    /// <summary>
    /// Runs an asynchronous turn (e.g. one that calls another grain). The activation takes no
    /// other call until it finishes: turns never interleave.
    /// </summary>
    public async Task<TResult> CallAsync<TResult>(Func<TGrain, ValueTask<TResult>> call)
    {
        var turn = new Turn<TGrain, TResult>(call);
        IActivation<TGrain> activation;
        while (true)
        {
            activation = kind.GetOrActivate(Key);
            if (activation.TryPost(turn)) break;
            kind.Forget(Key, activation);
        }
        activation.MarkUsed();

        try
        {
            return await turn.Reply.WaitAsync(options.CallTimeout, clock).ConfigureAwait(false);
        }
        // Only the wait's own timeout: a TimeoutException thrown by the turn (a database timeout,
        // say) is the call's fault and reaches the caller as it is.
        catch (TimeoutException) when (!turn.Reply.IsCompleted)
        {
            turn.Abandon();
            throw new GrainCallTimeoutException(activation.Name, options.CallTimeout);
        }
    }

    /// <summary>
    /// Reads without queueing, from an activation that is already loaded; null otherwise.
    /// <paramref name="read"/> runs concurrently with turns, so it may only touch data the grain
    /// publishes for that purpose (an immutable snapshot of committed state).
    /// </summary>
    public TResult? PeekCommitted<TResult>(Func<TGrain, TResult?> read) where TResult : class
    {
        var activation = kind.Find(Key);
        if (activation is null || !activation.IsLoaded) return null;
        activation.MarkUsed();
        return read(activation.Grain);
    }

    /// <summary>
    /// Like <see cref="PeekCommitted{TResult}"/>, but only while the activation is settled: every
    /// decision it made is written and none is being written. A read that must not miss a
    /// decision still in flight (an idempotency key just used, say) can rely on committed data then.
    /// </summary>
    public TResult? PeekSettled<TResult>(Func<TGrain, TResult?> read) where TResult : class
    {
        var activation = kind.Find(Key);
        if (activation is null || !activation.IsSettled) return null;
        activation.MarkUsed();
        var result = read(activation.Grain);
        // A decision raised while we read makes what we read possibly stale: answer nothing.
        return activation.IsSettled ? result : null;
    }
}
