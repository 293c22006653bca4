using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Problems;
using OrleansBooking.Grains.Rush;

namespace OrleansBooking.Api.Rush;

/// <summary>
/// The endpoint filter on "take a number" that feeds <see cref="ReservationAttempts"/> from each
/// answer. Malformed requests and unknown pools are not counted: they are not a pool's rush.
/// </summary>
public sealed class CountReservationAttempts(ReservationAttempts attempts) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var poolId = context.HttpContext.Request.RouteValues["poolId"] as string;
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception) when (poolId is not null)
        {
            // A grain fault, answered 503 by the group's fault filter outside this one.
            attempts.Record(poolId, RushOutcome.Failed);
            throw;
        }
        if (poolId is not null && OutcomeOf(result) is { } outcome) attempts.Record(poolId, outcome);
        return result;
    }

    private static RushOutcome? OutcomeOf(object? result)
    {
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is Answers.SoldOutAnswer) return RushOutcome.SoldOut;
        if (answer is ProblemHttpResult problem)
        {
            var code = problem.ProblemDetails.Extensions.TryGetValue(BookingProblems.CodeKey, out var value) ? value as string : null;
            return code switch
            {
                ProblemCodes.SoldOut => RushOutcome.SoldOut,
                ProblemCodes.NotReleased => RushOutcome.NotReleased,
                ProblemCodes.ValidationFailed or ProblemCodes.PoolNotFound => null,
                _ when problem.StatusCode >= StatusCodes.Status500InternalServerError => RushOutcome.Failed,
                _ => RushOutcome.Refused,
            };
        }
        return answer is IStatusCodeHttpResult { StatusCode: StatusCodes.Status201Created } ? RushOutcome.Booked : null;
    }
}
