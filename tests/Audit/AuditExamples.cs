using OrleansBooking.Api.Audit;

namespace OrleansBooking.Tests.Audit;

/// <summary>Audit entries the tests write; instants are whole seconds so both engines keep them exactly.</summary>
public static class AuditExamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    public static AuditEntry Entry(
        int secondsAfterNow = 0, string? accountId = "acct-admin", string action = "ChangePool", int statusCode = 200, string? detail = null) => new(
        OccurredAt: Now.AddSeconds(secondsAfterNow),
        AccountId: accountId,
        Role: accountId is null ? null : "admin",
        Action: action,
        Method: "PATCH",
        Path: "/api/admin/pools/pool-1",
        StatusCode: statusCode,
        Target: null,
        ClientAddress: "10.0.0.7",
        Detail: detail);
}
