using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansBooking.Silo.Hosting.Audit;
using OrleansBooking.Tests.Fakes;
using static OrleansBooking.Tests.Audit.AuditExamples;

namespace OrleansBooking.Tests.Audit;

/// <summary>The buffer between requests and the audit table: batching, flushing, dropping, retrying, stopping.</summary>
public sealed class BufferedAuditLogTests : IDisposable
{
    // Only a guard against a hung test: every wait below is on a signal, never on time passing.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly FakeAuditWriter writer = new();
    private readonly TimerWatchingClock clock = new(new FakeTimeProvider(Now));
    private readonly RecordingLogger<BufferedAuditLog> logger = new();
    private BufferedAuditLog? log;

    public void Dispose() => log?.Dispose();

    private BufferedAuditLog Log(int capacity = 100, int maxBatch = 1000, int attempts = 3, TimeSpan? retryDelay = null) =>
        log = new BufferedAuditLog(writer, Options.Create(new AuditLogOptions
        {
            Capacity = capacity,
            MaxBatch = maxBatch,
            WriteAttempts = attempts,
            BatchInterval = TimeSpan.FromSeconds(1),
            RetryDelay = retryDelay ?? TimeSpan.Zero,
        }), clock, logger);

    [Fact]
    public async Task EntriesGatherForOneBatchIntervalThenGoInOneBatch()
    {
        var audit = Log();
        await audit.StartAsync(CancellationToken.None);

        audit.Record(Entry(0));
        audit.Record(Entry(1));
        audit.Record(Entry(2));
        Assert.Equal(TimeSpan.FromSeconds(1), await clock.NextTimerAsync().WaitAsync(Guard));
        Assert.Empty(writer.Batches);

        clock.Advance(TimeSpan.FromSeconds(1));
        await writer.BatchesStored(1).WaitAsync(Guard);

        var batch = Assert.Single(writer.Batches);
        Assert.Equal([Entry(0), Entry(1), Entry(2)], batch);
        await audit.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FlushWritesEverythingRecordedInOrderInBatchesOfMaxBatch()
    {
        var audit = Log(maxBatch: 2);
        for (var i = 0; i < 5; i++) audit.Record(Entry(i));

        await audit.FlushAsync(CancellationToken.None);

        Assert.Equal([2, 2, 1], writer.Batches.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => Entry(i)), writer.Entries);
    }

    [Fact]
    public async Task FlushWithNothingRecordedWritesNothing()
    {
        await Log().FlushAsync(CancellationToken.None);

        Assert.Equal(0, writer.Attempts);
    }

    [Fact]
    public async Task AFullBufferDropsNewEntriesCountsThemAndNeverWaitsForTheDatabase()
    {
        var audit = Log(capacity: 3);
        writer.Hold();
        for (var i = 0; i < 3; i++) audit.Record(Entry(i));
        var flushing = audit.FlushAsync(CancellationToken.None);
        await writer.WriteStarted.WaitAsync(Guard);

        // The database is stuck on the first batch; the buffer fills again and then overflows.
        for (var i = 3; i < 8; i++) audit.Record(Entry(i));

        Assert.Equal(2, audit.Dropped);
        Assert.False(flushing.IsCompleted, "The first batch's write is held, so its flush should still be waiting.");
        writer.Release();
        await flushing.WaitAsync(Guard);
        await audit.FlushAsync(CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => Entry(i)), writer.Entries);
        Assert.Equal(
        [
            (LogLevel.Warning, "The audit buffer is full (3 entries) or closed; audit entries are being dropped."),
            (LogLevel.Warning, "2 audit entries were dropped because the audit buffer was full or closed."),
        ], logger.Lines);
    }

    [Fact]
    public async Task AFailedWriteIsRetriedAndTheBatchStoredOnce()
    {
        var audit = Log(attempts: 3);
        audit.Record(Entry(0));
        writer.FailNext(2);

        await audit.FlushAsync(CancellationToken.None);

        Assert.Equal(3, writer.Attempts);
        Assert.Equal([Entry(0)], writer.Entries);
        Assert.Equal(0, audit.Lost);
        Assert.Equal(2, logger.Lines.Count(l => l.Level == LogLevel.Warning && l.Message.Contains("trying again", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARetryWaitsTheRetryDelayOnTheClock()
    {
        var audit = Log(retryDelay: TimeSpan.FromSeconds(5));
        audit.Record(Entry(0));
        writer.FailNext(1);

        var flushing = audit.FlushAsync(CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(5), await clock.NextTimerAsync().WaitAsync(Guard));
        Assert.Equal(1, writer.Attempts);
        Assert.False(flushing.IsCompleted, "The second attempt should wait for the retry delay.");

        clock.Advance(TimeSpan.FromSeconds(5));
        await flushing.WaitAsync(Guard);

        Assert.Equal(2, writer.Attempts);
        Assert.Equal([Entry(0)], writer.Entries);
    }

    [Fact]
    public async Task ABatchThatFailsEveryAttemptIsCountedAsLostAndLaterEntriesStillGo()
    {
        var audit = Log(attempts: 3);
        audit.Record(Entry(0));
        audit.Record(Entry(1));
        writer.FailNext(3);

        await audit.FlushAsync(CancellationToken.None);
        audit.Record(Entry(2));
        await audit.FlushAsync(CancellationToken.None);

        Assert.Equal(2, audit.Lost);
        Assert.Equal([Entry(2)], writer.Entries);
        var error = Assert.Single(logger.Lines, l => l.Level == LogLevel.Error);
        Assert.Equal("2 audit entries are lost: their batch could not be written in 3 attempts.", error.Message);
    }

    [Fact]
    public async Task StoppingWritesWhatIsBufferedAndLaterEntriesAreDropped()
    {
        var audit = Log();
        await audit.StartAsync(CancellationToken.None);
        audit.Record(Entry(0));
        audit.Record(Entry(1));

        await audit.StopAsync(CancellationToken.None).WaitAsync(Guard);
        audit.Record(Entry(2));

        Assert.Equal([Entry(0), Entry(1)], writer.Entries);
        Assert.Equal(1, audit.Dropped);
    }

    [Fact]
    public async Task StoppingDoesNotPauseBetweenAttempts()
    {
        // An hour's retry delay on a clock that never moves: only attempts without pauses can finish.
        var audit = Log(attempts: 3, retryDelay: TimeSpan.FromHours(1));
        await audit.StartAsync(CancellationToken.None);
        audit.Record(Entry(0));
        writer.FailNext(2);

        await audit.StopAsync(CancellationToken.None).WaitAsync(Guard);

        Assert.Equal(3, writer.Attempts);
        Assert.Equal([Entry(0)], writer.Entries);
    }

    [Fact]
    public async Task StoppingWaitsForAWriteInFlight()
    {
        var audit = Log();
        await audit.StartAsync(CancellationToken.None);
        audit.Record(Entry(0));
        await clock.NextTimerAsync().WaitAsync(Guard);
        writer.Hold();
        clock.Advance(TimeSpan.FromSeconds(1));
        await writer.WriteStarted.WaitAsync(Guard);

        var stopping = audit.StopAsync(CancellationToken.None);
        Assert.False(stopping.IsCompleted, "Stopping should wait for the batch being written.");
        writer.Release();
        await stopping.WaitAsync(Guard);

        Assert.Equal([Entry(0)], writer.Entries);
    }
}
