using OrleansBooking.Api.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Audit;
using OrleansBooking.Api.Contracts.Audit;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Apis;

/// <summary>The audit log of sensitive actions, for admins: who did what, when, from where.</summary>
public static class AuditAdminApi
{
    public static IEndpointRouteBuilder MapAuditAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/audit").WithTags("Admin").RequireAuthorization(AccessPolicies.Admin);

        api.MapGet("", ListAuditEntries)
            .WithName(nameof(ListAuditEntries))
            .WithSummary("List audit entries, newest first")
            .WithDescription("Sensitive actions (successful writes, refused writes, every sign-in) with who, what, when and from where. "
                + "from/to: ISO-8601 instants with an offset, occurred in [from, to). accountId, action (the endpoint name, e.g. "
                + $"CreateReservation): exact matches. limit: 1–{AuditQuery.MaxLimit}, default {AuditQuery.DefaultLimit}. "
                + "before: an entry id; the next page of a response is before=nextBefore. Entries appear within the audit "
                + "log's batch interval (Booking:Audit:BatchInterval, default 1 s).")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed);

        return app;
    }

    public static async Task<Results<Ok<AuditLogResponse>, ProblemHttpResult>> ListAuditEntries(
        string? from, string? to, string? accountId, string? action, long? before, int? limit,
        IAuditTrail trail, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var start = FieldRules.CheckInstant(errors, "from", from, required: false);
        var end = FieldRules.CheckInstant(errors, "to", to, required: false);
        if (start is { } s && end is { } e && e <= s) errors.Add("to", "to must be after from.");
        if (accountId is not null) FieldRules.CheckId(errors, "accountId", accountId);
        if (action is not null) FieldRules.CheckId(errors, "action", action);
        if (before is < 1) errors.Add("before", "before must be an entry id (1 or more).");
        FieldRules.CheckRange(errors, "limit", limit, 1, AuditQuery.MaxLimit, required: false);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        var query = new AuditQuery(start, end, accountId, action, before, limit ?? AuditQuery.DefaultLimit);
        var entries = await trail.ReadAsync(query, cancellationToken);
        // A full page may have older entries behind it; a short one is the last.
        long? nextBefore = entries.Count == query.Limit ? entries[^1].Id : null;
        return TypedResults.Ok(new AuditLogResponse(entries.Select(entry => AuditEntryResponse.From(entry, time)).ToList(), nextBefore));
    }
}
