using Microsoft.AspNetCore.Http.Features;
using OrleansBooking.Api.Problems;

namespace OrleansBooking.Api.RequestLimits;

/// <summary>
/// Refuses, before anything routes or reads them, requests no client of ours sends: a request
/// target over <see cref="RequestLimitOptions.MaxRequestTargetBytes"/> (414 uri_too_long), headers
/// over <see cref="RequestLimitOptions.MaxRequestHeadersTotalBytes"/> or
/// <see cref="RequestLimitOptions.MaxRequestHeaderCount"/> (431 headers_too_large) — as problem+json
/// like every other refusal, where the server's own checks would answer an empty body.
/// </summary>
/// <remarks>
/// A %00 in the path never gets here: Kestrel refuses it (400, empty body) while parsing the
/// request line, and no application code runs for it.
/// </remarks>
public sealed class RequestShapeCheck(RequestDelegate next)
{
    public const string UriTooLong = "uri_too_long";
    public const string HeadersTooLarge = "headers_too_large";

    public Task InvokeAsync(HttpContext context)
    {
        // Kestrel gives the target as sent; a host that does not (an in-process test server) gives it back encoded.
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var target = string.IsNullOrEmpty(raw)
            ? (context.Request.PathBase + context.Request.Path).ToUriComponent() + context.Request.QueryString.ToUriComponent()
            : raw;
        if (target.Length > RequestLimitOptions.MaxRequestTargetBytes)
            return RefuseAsync(context, StatusCodes.Status414UriTooLong, UriTooLong, "The URL is too long.",
                $"A request target may be at most {RequestLimitOptions.MaxRequestTargetBytes} bytes.");

        var headers = context.Request.Headers;
        if (headers.Count > RequestLimitOptions.MaxRequestHeaderCount || HeaderBytes(headers) > RequestLimitOptions.MaxRequestHeadersTotalBytes)
            return RefuseAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, HeadersTooLarge, "The request headers are too large.",
                $"At most {RequestLimitOptions.MaxRequestHeaderCount} headers of {RequestLimitOptions.MaxRequestHeadersTotalBytes} bytes in all.");

        return next(context);
    }

    // As Kestrel counts them: name and value of each, plus the ": " and CRLF around them.
    private static long HeaderBytes(IHeaderDictionary headers)
    {
        long total = 0;
        foreach (var (name, values) in headers)
            foreach (var value in values)
                total += name.Length + (value?.Length ?? 0) + 4;
        return total;
    }

    private static Task RefuseAsync(HttpContext context, int status, string code, string title, string detail)
    {
        // The connection is not worth keeping: whoever sends this is not one of our clients.
        context.Response.Headers.Connection = "close";
        return BookingProblems.Problem(status, code, title, detail).ExecuteAsync(context);
    }
}
