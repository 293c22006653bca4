namespace OrleansBooking.Api.Audit;

/// <summary>The audit log as admins read it.</summary>
public interface IAuditTrail
{
    /// <summary>
    /// The entries <paramref name="query"/> selects, newest first (by occurred_at, then id), so
    /// the last one's id is the <see cref="AuditQuery.Before"/> of the next page.
    /// </summary>
    Task<IReadOnlyList<RecordedAuditEntry>> ReadAsync(AuditQuery query, CancellationToken cancellationToken);
}
