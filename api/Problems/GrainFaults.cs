using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Runtime;
using OrleansBooking.Grains.GroupCommit;

namespace OrleansBooking.Api.Problems;

/// <summary>
/// Faults that a retry may cure, as HTTP: always 503 with <c>Retry-After</c>, and a code that
/// tells a client why (overloaded, timeout, storage_unavailable, write_conflict).
/// </summary>
public static class GrainFaults
{
    /// <summary>Matches <see cref="GrainStorageException"/>'s delay for reads that go to the database directly.</summary>
    public static readonly TimeSpan DatabaseRetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>Retry delay after a call that timed out or was rejected by Orleans.</summary>
    public static readonly TimeSpan CallRetryAfter = TimeSpan.FromSeconds(1);

    public sealed record Fault(string Code, string Title, int RetryAfterSeconds);

    /// <summary>The 503 for <paramref name="exception"/>, or null when it is not a retryable fault (a bug: 500).</summary>
    public static Fault? Describe(Exception exception) => exception switch
    {
        GrainOverloadedException e => new(ProblemCodes.Overloaded, "The pool is overloaded; try again shortly.", Seconds(e.RetryAfter)),
        // Orleans' response timeout: the call may still be decided and committed after the caller gave up.
        TimeoutException => new(ProblemCodes.Timeout,
            "The pool did not answer in time; the attempt may still have succeeded, so retry with the same Idempotency-Key.", Seconds(CallRetryAfter)),
        // The silo holding the grain is gone or refused the message: nothing was decided there that a retry would repeat.
        OrleansMessageRejectionException => new(ProblemCodes.Overloaded,
            "The server holding the pool is unavailable; try again shortly.", Seconds(CallRetryAfter)),
        GrainStorageException { IsVersionConflict: true } e => new(ProblemCodes.WriteConflict,
            "Another server wrote the pool; nothing was decided. Try again.", Seconds(e.RetryAfter)),
        GrainUnavailableException e => new(ProblemCodes.StorageUnavailable, "The database is unavailable; nothing was decided. Try again.", Seconds(e.RetryAfter)),
        // Reads that bypass the grains (the reservation index) meet the database's own errors.
        DbException => new(ProblemCodes.StorageUnavailable, "The database is unavailable; nothing was decided. Try again.", Seconds(DatabaseRetryAfter)),
        _ => null,
    };

    public static IResult ToResult(Fault fault)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = fault.Title,
            Extensions = { [BookingProblems.CodeKey] = fault.Code, ["retryAfter"] = fault.RetryAfterSeconds },
        };
        return new RetryLaterResult(TypedResults.Problem(problem), fault.RetryAfterSeconds);
    }

    private static int Seconds(TimeSpan delay) => (int)Math.Ceiling(Math.Max(0, delay.TotalSeconds));

    /// <summary>A problem that also tells the client when to come back.</summary>
    public sealed class RetryLaterResult(ProblemHttpResult problem, int retryAfterSeconds) : IResult, IStatusCodeHttpResult
    {
        public int RetryAfterSeconds => retryAfterSeconds;

        public int? StatusCode => problem.StatusCode;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }
}
