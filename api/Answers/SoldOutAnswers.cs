using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansBooking.Api.Problems;

namespace OrleansBooking.Api.Answers;

/// <summary>
/// The 409 sold_out answer, written from bytes made once per pool. Most of an 08:00 rush hears
/// it: 196,000 of the default rush's 197,000 reservation attempts come after the numbers are gone.
/// </summary>
/// <remarks>
/// The problem+json answer built anew for each of them (a <c>ProblemDetails</c> and its dictionary,
/// the problem service choosing its writer by the <c>Accept</c> header, the JSON written through a
/// serializer) was a tenth of what a sold-out answer allocated (docs/benchmarks.md §0n). The bytes
/// are those the framework writes itself: the first sold-out answer of a pool is written by its
/// problem service into memory, with a placeholder where the request's <c>traceId</c> goes, and each
/// later answer is that body with the request's own <c>traceId</c> put back. Whatever the prepared
/// bytes cannot stand for is answered as before, by the problem service: a request whose
/// <c>Accept</c> header is anything but absent or one plain JSON type, or a trace id that JSON
/// would escape, or a framework whose body has no trace id to put back.
/// </remarks>
public sealed class SoldOutAnswers
{
    /// <summary>Pools remembered at once; past this the memory starts afresh (a morning's sold-out pools are a few hundred).</summary>
    public const int MaxPools = 10_000;

    /// <summary>What stands for the trace id while a pool's body is made: no JSON encoder escapes any of it.</summary>
    private const string TracePlaceholder = "trace0placeholder0for0sold0out0answers";

    private static readonly byte[] TracePlaceholderBytes = System.Text.Encoding.ASCII.GetBytes(TracePlaceholder);

    private static readonly string[] PlainJsonAccepts = ["application/json", "application/problem+json", "*/*"];

    private readonly ConcurrentDictionary<string, PreparedBody?> bodies = new(StringComparer.Ordinal);

    /// <summary>The sold-out answer for <paramref name="poolId"/>.</summary>
    public SoldOutAnswer For(string poolId) => new(poolId, this);

    /// <summary>Pools whose body is prepared (for tests).</summary>
    public int PreparedPools => bodies.Count(entry => entry.Value is not null);

    internal async Task WriteAsync(string poolId, HttpContext http)
    {
        var traceId = Activity.Current?.Id ?? http.TraceIdentifier;
        var body = IsPlainJsonAccepted(http.Request.Headers.Accept) && IsUnescaped(traceId) ? await BodyOfAsync(poolId, http) : null;
        if (body is null)
        {
            await BookingProblems.SoldOut(poolId).ExecuteAsync(http);
            return;
        }

        var response = http.Response;
        response.StatusCode = StatusCodes.Status409Conflict;
        response.ContentType = body.ContentType;
        var length = body.BeforeTrace.Length + traceId.Length + body.AfterTrace.Length;
        response.ContentLength = length;
        var span = response.BodyWriter.GetSpan(length);
        body.BeforeTrace.CopyTo(span);
        System.Text.Encoding.ASCII.GetBytes(traceId, span[body.BeforeTrace.Length..]);
        body.AfterTrace.CopyTo(span[(body.BeforeTrace.Length + traceId.Length)..]);
        response.BodyWriter.Advance(length);
        await response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    private async ValueTask<PreparedBody?> BodyOfAsync(string poolId, HttpContext http)
    {
        if (bodies.TryGetValue(poolId, out var body)) return body;
        body = await PrepareAsync(poolId, http.RequestServices);
        if (bodies.Count >= MaxPools) bodies.Clear();
        bodies[poolId] = body;
        return body;
    }

    /// <summary>
    /// The pool's body as the problem service writes it for a request without an activity, whose
    /// trace identifier is the placeholder; null when the placeholder is not in it exactly once.
    /// </summary>
    private static async Task<PreparedBody?> PrepareAsync(string poolId, IServiceProvider services)
    {
        var written = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = services, TraceIdentifier = TracePlaceholder };
        context.Response.Body = written;
        var current = Activity.Current;
        Activity.Current = null;
        try
        {
            await BookingProblems.SoldOut(poolId).ExecuteAsync(context);
            await context.Response.CompleteAsync();
        }
        finally
        {
            Activity.Current = current;
        }
        if (context.Response.StatusCode != StatusCodes.Status409Conflict || context.Response.ContentType is not { } contentType) return null;

        var bytes = written.ToArray();
        var at = bytes.AsSpan().IndexOf(TracePlaceholderBytes);
        if (at < 0 || bytes.AsSpan(at + TracePlaceholderBytes.Length).IndexOf(TracePlaceholderBytes) >= 0) return null;
        return new PreparedBody(contentType, bytes[..at], bytes[(at + TracePlaceholderBytes.Length)..]);
    }

    /// <summary>What the problem service's JSON writer accepts without looking further: no <c>Accept</c>, or one plain JSON type.</summary>
    private static bool IsPlainJsonAccepted(Microsoft.Extensions.Primitives.StringValues accept) =>
        accept.Count == 0 || (accept.Count == 1 && PlainJsonAccepts.Contains(accept[0], StringComparer.OrdinalIgnoreCase));

    /// <summary>W3C activity ids and Kestrel's connection:request ids are letters, digits, '-' and ':', which JSON writes as they are.</summary>
    private static bool IsUnescaped(string traceId)
    {
        foreach (var c in traceId)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != ':') return false;
        }
        return traceId.Length > 0;
    }

    private sealed record PreparedBody(string ContentType, byte[] BeforeTrace, byte[] AfterTrace);
}

/// <summary>One sold-out answer; the rush board counts it as sold out (<see cref="Rush.CountReservationAttempts"/>).</summary>
public sealed class SoldOutAnswer(string poolId, SoldOutAnswers answers) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status409Conflict;

    public Task ExecuteAsync(HttpContext httpContext) => answers.WriteAsync(poolId, httpContext);
}
