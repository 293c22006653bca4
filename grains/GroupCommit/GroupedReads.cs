namespace OrleansBooking.Grains.GroupCommit;

/// <summary>
/// Group commit for activation: loads asked for while one batch read is in flight are served
/// together by the next one. When thousands of patients press "book" in the same second, each
/// activating a grain, the database sees a few reads of many keys instead of one read each.
/// Writes pass straight through.
/// </summary>
public sealed class GroupedReads<TState, TChange>(
    IChangeStorage<TState, TChange> inner, IBatchReader<TState> batches, int maxKeysPerRead = GroupedReads<TState, TChange>.DefaultMaxKeysPerRead)
    : IChangeStorage<TState, TChange>
{
    /// <summary>Keys one batch read carries at most (bounded so a statement stays a sensible size). Default 500.</summary>
    public const int DefaultMaxKeysPerRead = 500;

    private readonly object gate = new();
    private List<(string Key, TaskCompletionSource<StoredState<TState>?> Reply)> waiting = [];
    private bool reading;

    public Task<StoredState<TState>?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<StoredState<TState>?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            waiting.Add((key, reply));
            if (!reading)
            {
                reading = true;
                _ = Task.Run(ReadWhileAnyoneWaitsAsync, CancellationToken.None);
            }
        }
        return reply.Task;
    }

    public Task WriteAsync(string key, long expectedVersion, IReadOnlyList<TChange> changes, CancellationToken cancellationToken) =>
        inner.WriteAsync(key, expectedVersion, changes, cancellationToken);

    private async Task ReadWhileAnyoneWaitsAsync()
    {
        while (true)
        {
            List<(string Key, TaskCompletionSource<StoredState<TState>?> Reply)> batch;
            lock (gate)
            {
                if (waiting.Count == 0)
                {
                    reading = false;
                    return;
                }
                batch = waiting.Count <= maxKeysPerRead ? waiting : waiting[..maxKeysPerRead];
                waiting = waiting.Count <= maxKeysPerRead ? [] : waiting[maxKeysPerRead..];
            }

            try
            {
                var keys = batch.Select(w => w.Key).Distinct(StringComparer.Ordinal).ToList();
                var found = await batches.ReadManyAsync(keys, CancellationToken.None).ConfigureAwait(false);
                var served = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (key, reply) in batch)
                {
                    // State is mutable and owned by one activation: a key asked for twice gets a
                    // fresh read the second time rather than a shared object.
                    if (served.Add(key)) reply.TrySetResult(found.GetValueOrDefault(key));
                    else _ = ServeAlone(key, reply);
                }
            }
            catch (Exception fault)
            {
                // Only this batch's loads fail; each of their calls gets the storage fault and may retry.
                foreach (var (_, reply) in batch) reply.TrySetException(fault);
            }
        }
    }

    private async Task ServeAlone(string key, TaskCompletionSource<StoredState<TState>?> reply)
    {
        try
        {
            reply.TrySetResult(await inner.ReadAsync(key, CancellationToken.None).ConfigureAwait(false));
        }
        catch (Exception fault)
        {
            reply.TrySetException(fault);
        }
    }
}
