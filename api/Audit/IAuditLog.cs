namespace OrleansBooking.Api.Audit;

/// <summary>Where the API records sensitive actions. Recording never waits for storage and never fails a request.</summary>
public interface IAuditLog
{
    /// <summary>Accepts the entry for writing soon, or counts it as dropped when the log cannot take more; returns at once.</summary>
    void Record(AuditEntry entry);

    /// <summary>Writes every entry recorded before the call; returns when they are stored (or given up on and logged).</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
