using OrleansBooking.Api.Audit;
using OrleansBooking.Silo.Storage.Audit;

namespace OrleansBooking.Tests.Audit;

/// <summary>
/// Keeps the batches it is given. Can fail the next writes, as a database that is down would,
/// and can hold writes until the test lets them through, to catch the log with a write in flight.
/// </summary>
public sealed class FakeAuditWriter : IAuditBatchWriter
{
    private readonly object gate = new();
    private readonly List<IReadOnlyList<AuditEntry>> batches = [];
    private int failuresLeft;
    private int attempts;
    private TaskCompletionSource? held;
    private TaskCompletionSource writeStarted = NewSignal();
    private readonly List<(int Count, TaskCompletionSource Signal)> waiters = [];

    public IReadOnlyList<IReadOnlyList<AuditEntry>> Batches
    {
        get { lock (gate) return [.. batches]; }
    }

    public IReadOnlyList<AuditEntry> Entries => Batches.SelectMany(b => b).ToList();

    public int Attempts => Volatile.Read(ref attempts);

    /// <summary>Completes when a write starts (a held one included); renewed by <see cref="Hold"/>.</summary>
    public Task WriteStarted
    {
        get { lock (gate) return writeStarted.Task; }
    }

    /// <summary>Completes once <paramref name="count"/> batches are stored.</summary>
    public Task BatchesStored(int count)
    {
        lock (gate)
        {
            if (batches.Count >= count) return Task.CompletedTask;
            var signal = NewSignal();
            waiters.Add((count, signal));
            return signal.Task;
        }
    }

    public void FailNext(int count) => Volatile.Write(ref failuresLeft, count);

    /// <summary>Writes wait from now on until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (gate)
        {
            held = NewSignal();
            writeStarted = NewSignal();
        }
    }

    public void Release()
    {
        lock (gate) held?.TrySetResult();
    }

    public async Task WriteAsync(IReadOnlyList<AuditEntry> batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref attempts);
        Task wait;
        lock (gate)
        {
            writeStarted.TrySetResult();
            wait = held?.Task ?? Task.CompletedTask;
        }
        await wait;
        if (Interlocked.Decrement(ref failuresLeft) >= 0) throw new IOException("Injected: the database is down.");
        lock (gate)
        {
            batches.Add([.. batch]);
            foreach (var waiter in waiters.Where(w => w.Count <= batches.Count)) waiter.Signal.TrySetResult();
            waiters.RemoveAll(w => w.Count <= batches.Count);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
