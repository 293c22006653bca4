namespace OrleansBooking.Api.Audit;

/// <summary>An entry as the audit log holds it: <see cref="Id"/> grows with every entry written and never repeats.</summary>
public sealed record RecordedAuditEntry(long Id, AuditEntry Entry);
