using OrleansBooking.Api.Contracts.Accounts;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;

namespace OrleansBooking.Api.Accounts;

public static class CodeSendingRoutes
{
    /// <summary>
    /// What every route that texts a one-time code may answer besides 202: a malformed number, a code
    /// asked for again too soon, and the retryable 503.
    /// </summary>
    public static RouteHandlerBuilder ProducesCodeSendingProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
        .ProducesProblemCodes(StatusCodes.Status429TooManyRequests, AccountProblems.CodeTooSoon)
        .ProducesRetryLater();
}
