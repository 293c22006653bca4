namespace OrleansBooking.Api.Contracts.Audit;

/// <summary>
/// A page of audit entries, newest first. <see cref="NextBefore"/> is the <c>before</c> of the
/// next (older) page, or null when this page was not full and nothing older matches.
/// </summary>
public sealed record AuditLogResponse(IReadOnlyList<AuditEntryResponse> Entries, long? NextBefore);
