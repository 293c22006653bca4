using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Problems;

/// <summary>Every refusal the API gives, as <c>application/problem+json</c> with a stable <c>code</c>.</summary>
public static class BookingProblems
{
    public const string CodeKey = "code";

    public static ProblemHttpResult ValidationFailed(RequestErrors errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = "See errors: nothing was changed.",
            Extensions = { [CodeKey] = ProblemCodes.ValidationFailed },
        });

    public static ProblemHttpResult PoolNotFound(string poolId) =>
        Problem(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound, "No such pool.", $"Pool '{poolId}' does not exist.",
            ("poolId", poolId));

    public static ProblemHttpResult PoolExists(SlotPoolSnapshot existing) =>
        Problem(StatusCodes.Status409Conflict, ProblemCodes.PoolExists, "The pool exists already.",
            $"Pool '{existing.PoolId}' was created before; change it with PATCH.", ("poolId", existing.PoolId));

    public static ProblemHttpResult PoolCancelled(string poolId) =>
        Problem(StatusCodes.Status409Conflict, ProblemCodes.PoolCancelled, "The session was cancelled.",
            $"Pool '{poolId}' was cancelled (stop-clinic) and cannot change any more.", ("poolId", poolId));

    public static ProblemHttpResult QuotaBelowBooked(ChangePoolOutcome.QuotaBelowBooked refusal) =>
        Problem(StatusCodes.Status409Conflict, ProblemCodes.QuotaBelowBooked, "The quota is below the numbers taken.",
            $"Numbers up to {refusal.MinimumQuota} are held by patients; the quota cannot go below that.",
            ("minimumQuota", refusal.MinimumQuota), ("booked", refusal.Booked));

    public static ProblemHttpResult SoldOut(string poolId) =>
        Problem(StatusCodes.Status409Conflict, ProblemCodes.SoldOut, "All numbers are taken.", $"Pool '{poolId}' is sold out.",
            ("poolId", poolId));

    public static ProblemHttpResult NotReleased(DateTimeOffset releaseAt) =>
        Problem(StatusCodes.Status409Conflict, ProblemCodes.NotReleased, "Booking has not opened yet.",
            $"Booking opens at {releaseAt:O}.", ("releaseAt", releaseAt));

    public static ProblemHttpResult AlreadyBooked(Reservation existing) =>
        Problem(StatusCodes.Status409Conflict, ProblemCodes.AlreadyBooked, "The patient holds a number in this pool.",
            $"Reservation '{existing.ReservationId}' is the patient's.", ("reservationId", existing.ReservationId),
            ("sequenceNumber", existing.SequenceNumber));

    public static ProblemHttpResult PoolClosed(PoolStatus status) =>
        Problem(StatusCodes.Status409Conflict, ProblemCodes.PoolClosed, "The pool takes no reservations.",
            $"The pool is {FieldRules.WireName(status)}.", ("poolStatus", FieldRules.WireName(status)));

    public static ProblemHttpResult IdempotencyKeyReused() =>
        Problem(StatusCodes.Status422UnprocessableEntity, ProblemCodes.IdempotencyKeyReused, "The idempotency key names another attempt.",
            "This account used this Idempotency-Key for another patient in this pool; send a new key.");

    public static ProblemHttpResult ReservationNotFound(string reservationId) =>
        Problem(StatusCodes.Status404NotFound, ProblemCodes.ReservationNotFound, "No such reservation.",
            $"Reservation '{reservationId}' does not exist.", ("reservationId", reservationId));

    public static ProblemHttpResult CancellationClosed(DateTimeOffset deadline) =>
        Problem(StatusCodes.Status409Conflict, ProblemCodes.CancellationClosed, "Cancellation has closed.",
            $"Reservations could be cancelled until {deadline:O}.", ("deadline", deadline));

    public static ProblemHttpResult NotCancellable(ReservationStatus status) =>
        Problem(StatusCodes.Status409Conflict, ProblemCodes.NotCancellable, "The reservation cannot be cancelled.",
            $"The reservation is {FieldRules.WireName(status)}.", ("reservationStatus", FieldRules.WireName(status)));

    /// <summary>A rate limit refused the request; the caller may come back after <paramref name="retryAfterSeconds"/>.</summary>
    public static GrainFaults.RetryLaterResult TooManyRequests(int retryAfterSeconds) =>
        new(Problem(StatusCodes.Status429TooManyRequests, ProblemCodes.TooManyRequests, "Too many requests.",
            $"Slow down: try again in {retryAfterSeconds} s.", ("retryAfter", retryAfterSeconds)), retryAfterSeconds);

    /// <summary>
    /// The one way a refusal is built, shared by every area's problems. Extension keys must not
    /// reuse the members of RFC 9457 (type, title, status, detail, instance).
    /// </summary>
    public static ProblemHttpResult Problem(int status, string code, string title, string detail, params (string Key, object Value)[] extensions)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Extensions = { [CodeKey] = code },
        };
        foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return TypedResults.Problem(problem);
    }
}
