namespace OrleansBooking.Tests.GroupCommit;

/// <summary>
/// Counts the ledger's decisions (one per append that ran, in any ledger of the silo), so a test
/// can wait until its calls were decided instead of sleeping.
/// </summary>
public sealed class LedgerDecisions
{
    private readonly object gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> waiters = [];
    private int count;

    public int Count
    {
        get
        {
            lock (gate) return count;
        }
    }

    public void Decided()
    {
        List<TaskCompletionSource> reached;
        lock (gate)
        {
            count++;
            reached = [.. waiters.Where(w => w.Count <= count).Select(w => w.Reached)];
            waiters.RemoveAll(w => w.Count <= count);
        }
        foreach (var waiter in reached) waiter.TrySetResult();
    }

    /// <summary>Completes once at least <paramref name="expected"/> decisions were made.</summary>
    public Task WhenAtLeast(int expected)
    {
        lock (gate)
        {
            if (count >= expected) return Task.CompletedTask;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((expected, reached));
            return reached.Task;
        }
    }
}
