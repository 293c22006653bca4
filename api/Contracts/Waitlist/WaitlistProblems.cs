using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Problems;

namespace OrleansBooking.Api.Contracts.Waitlist;

/// <summary>The refusals of the waitlist routes, as <c>application/problem+json</c> with a stable <c>code</c>.</summary>
public static class WaitlistProblems
{
    public static ProblemHttpResult NumbersAvailable(string poolId, int remaining) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.NumbersAvailable, "The pool has numbers left.",
            $"Pool '{poolId}' has {remaining} number(s) left: book one instead of waiting.", ("poolId", poolId), ("remaining", remaining));

    public static ProblemHttpResult OfferExpired(string poolId) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.OfferExpired, "The offer has expired.",
            $"The number offered in pool '{poolId}' was not accepted in time and has passed to the next patient waiting.", ("poolId", poolId));

    public static ProblemHttpResult OfferNotFound(string poolId) =>
        BookingProblems.Problem(StatusCodes.Status404NotFound, ProblemCodes.OfferNotFound, "No offer for this patient.",
            $"No number in pool '{poolId}' is offered to this patient.", ("poolId", poolId));

    public static ProblemHttpResult NotOnWaitlist(string poolId) =>
        BookingProblems.Problem(StatusCodes.Status404NotFound, ProblemCodes.NotOnWaitlist, "Not on the waitlist.",
            $"The patient is not on the waitlist of pool '{poolId}'.", ("poolId", poolId));

    public static ProblemHttpResult WaitlistLimitReached(int allowed) =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.WaitlistLimitReached, "The patient is on as many waitlists as allowed.",
            $"A patient may wait for at most {allowed} sessions at once; leave one first.", ("allowed", allowed));

    public static ProblemHttpResult WaitlistUnavailable() =>
        BookingProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.WaitlistUnavailable, "This service has no waitlist.",
            "The booking engine running (conventional) keeps no waitlist.");
}
