using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OrleansBooking.Api.Audit;
using OrleansBooking.Silo.Storage.Audit;

namespace OrleansBooking.Silo.Hosting.Audit;

/// <summary>
/// The audit log behind <see cref="IAuditLog"/>: <see cref="Record"/> puts an entry in a bounded
/// in-memory buffer and returns; a background loop writes what has gathered once every
/// <see cref="AuditLogOptions.BatchInterval"/>, one transaction per batch. A request — a
/// reservation in a rush above all — never waits for the audit table, and the table takes one
/// write an interval instead of one per request.
/// </summary>
/// <remarks>
/// The trade-off: an entry is only in memory until its batch commits, so a crash (not an orderly
/// stop, which drains the buffer) loses up to one interval of entries. The bookings themselves
/// are durable in their own rows, committed before their callers were answered; only their audit
/// trail can have such a gap. In the same spirit a full buffer drops new entries, and a batch that
/// still fails after <see cref="AuditLogOptions.WriteAttempts"/> is given up: both are counted
/// (<see cref="Dropped"/>, <see cref="Lost"/>) and logged, because the audit log must never hold
/// up or fail the action it describes.
/// </remarks>
public sealed partial class BufferedAuditLog : IAuditLog, IHostedService, IDisposable
{
    private readonly Channel<AuditEntry> buffer;
    private readonly IAuditBatchWriter writer;
    private readonly AuditLogOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<BufferedAuditLog> logger;
    // One drain at a time, the loop's or a FlushAsync's. Entries leave the buffer only under it,
    // so a flush that holds it knows every earlier entry is written or given up.
    private readonly SemaphoreSlim draining = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;
    private long dropped;
    private long droppedUnreported;
    private long lost;
    private int disposed;

    public BufferedAuditLog(IAuditBatchWriter writer, IOptions<AuditLogOptions> options, TimeProvider clock, ILogger<BufferedAuditLog> logger)
    {
        this.writer = writer;
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        // Wait mode only so that TryWrite can answer "full": DropWrite would drop without telling.
        buffer = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(this.options.Capacity) { FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Entries refused because the buffer was full (or the log had stopped).</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Entries whose batch could not be written in any of its attempts.</summary>
    public long Lost => Interlocked.Read(ref lost);

    public void Record(AuditEntry entry)
    {
        if (buffer.Writer.TryWrite(entry)) return;
        Interlocked.Increment(ref dropped);
        // One warning when dropping starts, not one per request; the next drain reports how many.
        if (Interlocked.Increment(ref droppedUnreported) == 1) LogDropping(options.Capacity);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await draining.WaitAsync(cancellationToken);
        try
        {
            await DrainAsync(cancellationToken);
        }
        finally
        {
            draining.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        loop = RunAsync(stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Writes everything still buffered. The web server stops before this runs, so no request is left to record.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        buffer.Writer.TryComplete();
        // The host may stop a service the container has already disposed (a factory torn down
        // after a failed start): then there is no loop left to cancel, only the buffer to drain.
        if (Volatile.Read(ref disposed) == 0)
        {
            try
            {
                await stopping.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
            }
        }
        try
        {
            if (loop is not null) await loop.WaitAsync(cancellationToken);
            await FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopCutShort(buffer.Reader.Count);
        }
    }

    // The container disposes this once per registration that hands it out (itself, IAuditLog, the hosted service).
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        stopping.Cancel();
        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (await buffer.Reader.WaitToReadAsync(stop))
            {
                // Let entries gather: one write an interval however busy the service is. The write
                // goes on the thread pool, never inline on whichever thread fired the clock's timer.
                await Task.Delay(options.BatchInterval, clock, stop).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
                await FlushAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping: StopAsync drains what is left.
        }
    }

    // Only what is buffered when the drain starts: under a flood a flush still ends.
    private async Task DrainAsync(CancellationToken pauses)
    {
        var remaining = buffer.Reader.Count;
        while (remaining > 0)
        {
            var batch = new List<AuditEntry>(Math.Min(remaining, options.MaxBatch));
            while (batch.Count < options.MaxBatch && remaining > 0 && buffer.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
                remaining--;
            }
            if (batch.Count == 0) break;
            await WriteAsync(batch, pauses);
        }
        var droppedSinceReport = Interlocked.Exchange(ref droppedUnreported, 0);
        if (droppedSinceReport > 0) LogDropped(droppedSinceReport);
    }

    private async Task WriteAsync(List<AuditEntry> batch, CancellationToken pauses)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Never cancelled: a batch taken from the buffer is written or given up, not abandoned half-way.
                await writer.WriteAsync(batch, CancellationToken.None);
                return;
            }
            catch (Exception exception) when (attempt < options.WriteAttempts)
            {
                LogWriteFailed(exception, batch.Count, attempt, options.WriteAttempts);
                await PauseAsync(pauses);
            }
            catch (Exception exception)
            {
                Interlocked.Add(ref lost, batch.Count);
                LogBatchLost(exception, batch.Count, attempt);
                return;
            }
        }
    }

    private async Task PauseAsync(CancellationToken pauses)
    {
        // While the host stops, the remaining attempts go at once: shutdown must not wait on a database that is down.
        if (stopping.IsCancellationRequested || options.RetryDelay == TimeSpan.Zero) return;
        try
        {
            await Task.Delay(options.RetryDelay, clock, pauses);
        }
        catch (OperationCanceledException)
        {
            // Stopping, or the flushing caller stopped waiting: the next attempt goes at once.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit buffer is full ({Capacity} entries) or closed; audit entries are being dropped.")]
    private partial void LogDropping(int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} audit entries were dropped because the audit buffer was full or closed.")]
    private partial void LogDropped(long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} audit entries failed (attempt {Attempt} of {Attempts}); trying again.")]
    private partial void LogWriteFailed(Exception exception, int count, int attempt, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} audit entries are lost: their batch could not be written in {Attempts} attempts.")]
    private partial void LogBatchLost(Exception exception, int count, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shutdown ran out of time; {Count} audit entries were not written.")]
    private partial void LogStopCutShort(int count);
}
