using System.Collections.Concurrent;
using OrleansBooking.Api.Audit;

namespace OrleansBooking.Tests.Audit;

/// <summary>An audit log that keeps what it is given, for tests of what gets recorded.</summary>
public sealed class RecordingAuditLog : IAuditLog
{
    private readonly ConcurrentQueue<AuditEntry> entries = new();

    public IReadOnlyList<AuditEntry> Entries => [.. entries];

    public void Record(AuditEntry entry) => entries.Enqueue(entry);

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
