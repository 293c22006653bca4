using OrleansBooking.Api.Audit;

namespace OrleansBooking.Silo.Storage.Audit;

/// <summary>Stores audit entries, a batch at a time.</summary>
public interface IAuditBatchWriter
{
    /// <summary>Stores every entry of <paramref name="batch"/> in one transaction, or none of them (and throws).</summary>
    Task WriteAsync(IReadOnlyList<AuditEntry> batch, CancellationToken cancellationToken);
}
