using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Audit;

/// <summary>
/// One short line a handler adds to the audit entry of its request, e.g. for a failed sign-in
/// <c>AuditDetail.Set(httpContext, "login " + PhoneMasking.Mask(login))</c>.
/// </summary>
/// <remarks>
/// Callers must pass masked values: the audit log is read by admins, not by the phone's or the
/// resident ID's owner. As a safety net, anything that still looks like such a number is masked
/// here (<see cref="FreeTextMasking"/>). Storage cuts the line to its column length.
/// </remarks>
public static class AuditDetail
{
    private static readonly object Key = new();

    /// <summary>Sets (or replaces) the detail line; it is recorded only if the request is audited at all.</summary>
    public static void Set(HttpContext httpContext, string detail) => httpContext.Items[Key] = FreeTextMasking.Mask(detail);

    /// <summary>The line <see cref="Set"/> left, or null.</summary>
    public static string? Of(HttpContext httpContext) => httpContext.Items.TryGetValue(Key, out var detail) ? detail as string : null;
}
