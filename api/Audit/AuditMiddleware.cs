using System.Net;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Audit;

/// <summary>
/// Records sensitive actions once their endpoint has answered: every write (POST, PUT, PATCH,
/// DELETE) that succeeded (2xx); every write refused as unauthenticated or forbidden (401/403:
/// someone trying what they may not); writes refused 400/409 on a route marked
/// <see cref="AuditEndpointConventions.AuditRefusals"/>; and every outcome of a route marked
/// <see cref="AuditEndpointConventions.AuditAllOutcomes"/>. The status recorded is the one the
/// caller saw, also when a bad body was refused by an exception (400, 413), not a 500; a write
/// answered 415 (a body that is not JSON) is always recorded. Other failed writes are not recorded:
/// a release rush answers hundreds of thousands of sold_out 409s, which change nothing. Reads are
/// never recorded.
/// </summary>
/// <remarks>
/// Who comes from the caller's claims (<see cref="AccountClaims"/>), so this must run after
/// authentication; from where is the connection's remote address (behind a load balancer, the
/// forwarded-headers middleware must run first). Paths and Location targets are masked like free
/// text: until accounts exist an account id is a route segment, and it could be a phone number.
/// </remarks>
public sealed class AuditMiddleware(RequestDelegate next, IAuditLog auditLog, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetEndpoint() is { } failed && StatusSeen(e) is var status
            && IsAudited(failed, context.Request.Method, status))
        {
            // The exception handler outside answers it; a failed sign-in is still a sign-in.
            Record(context, failed, status);
            throw;
        }

        if (context.GetEndpoint() is { } endpoint && IsAudited(endpoint, context.Request.Method, context.Response.StatusCode))
            Record(context, endpoint, context.Response.StatusCode);
    }

    /// <summary>The recording rule, on its own so it can be read (and tested) at a glance.</summary>
    public static bool IsAudited(Endpoint endpoint, string method, int statusCode) =>
        AuditsAllOutcomes(endpoint)
        || (IsWrite(method) && statusCode is (>= 200 and < 300) or StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        // A body no route accepts is answered by routing's own 415 endpoint, which carries no route's
        // marks: recorded for every write, as a client sending what the service never asks for.
        || (IsWrite(method) && statusCode is StatusCodes.Status415UnsupportedMediaType)
        || (IsWrite(method) && statusCode is StatusCodes.Status400BadRequest or StatusCodes.Status409Conflict
            && endpoint.Metadata.GetMetadata<AuditRefusalsMetadata>() is not null);

    // What the exception handler will answer: a request that could not be read keeps its own status
    // (Problems/BadRequestExceptionHandler); anything else is a fault.
    private static int StatusSeen(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    private static bool AuditsAllOutcomes(Endpoint endpoint) => endpoint.Metadata.GetMetadata<AuditAllOutcomesMetadata>() is not null;

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private void Record(HttpContext context, Endpoint endpoint, int statusCode)
    {
        var request = context.Request;
        var location = context.Response.Headers.Location;
        auditLog.Record(new AuditEntry(
            OccurredAt: clock.GetUtcNow(),
            AccountId: context.User.AccountIdOf(),
            Role: context.User.RoleOf(),
            Action: endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName ?? "unnamed",
            Method: request.Method,
            Path: FreeTextMasking.Mask((request.PathBase + request.Path).Value ?? "/"),
            StatusCode: statusCode,
            Target: location.Count == 0 ? null : FreeTextMasking.Mask(location.ToString()),
            ClientAddress: AddressOf(context.Connection.RemoteIpAddress),
            Detail: AuditDetail.Of(context)));
    }

    // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; admins search for a.b.c.d.
    private static string? AddressOf(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
