using OrleansBooking.Api.Audit;

namespace OrleansBooking.Api.Contracts.Audit;

/// <summary>One audit entry as admins read it; <see cref="OccurredAt"/> in the hospital's zone.</summary>
public sealed record AuditEntryResponse(
    long Id,
    DateTimeOffset OccurredAt,
    string? AccountId,
    string? Role,
    string Action,
    string Method,
    string Path,
    int StatusCode,
    string? Target,
    string? ClientAddress,
    string? Detail)
{
    public static AuditEntryResponse From(RecordedAuditEntry recorded, HospitalTime time)
    {
        var entry = recorded.Entry;
        return new AuditEntryResponse(recorded.Id, time.ToLocal(entry.OccurredAt), entry.AccountId, entry.Role, entry.Action,
            entry.Method, entry.Path, entry.StatusCode, entry.Target, entry.ClientAddress, entry.Detail);
    }
}
