using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Contracts.Lottery;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;

namespace OrleansBooking.Api.Apis;

/// <summary>The audit of a pool's draw: its entries, the seed and who got which number.</summary>
public static class PoolLotteryAdminApi
{
    public static IEndpointRouteBuilder MapPoolLotteryAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/pools/{poolId}/lottery", GetPoolLottery)
            .WithTags("Admin")
            .RequireAuthorization(AccessPolicies.Admin)
            .WithName(nameof(GetPoolLottery))
            .WithSummary("Audit a pool's draw")
            .WithDescription("The window, status (open | drawn), and every entry (patientId, enteredAt, and once drawn its rank and the "
                + "sequenceNumber won, null when not drawn), by rank. The seed (64 hex digits) is shown once the pool has drawn: with it "
                + "and the entries anyone recomputes the result (rank by HMAC-SHA256(seed, patientId); rank 1 takes the lowest free "
                + "number, 1..quota at the draw). Read from committed rows.")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, ProblemCodes.NotALottery)
            .ProducesRetryLater();
        return app;
    }

    public static async Task<Results<Ok<PoolLotteryResponse>, ProblemHttpResult>> GetPoolLottery(
        string poolId, ILotteryRecords lotteries, HospitalTime time, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        if (await lotteries.ReadPoolAsync(poolId, cancellationToken) is not { } record) return BookingProblems.PoolNotFound(poolId);
        if (record.WindowMinutes is not { } window) return LotteryProblems.NotALottery(poolId);
        return TypedResults.Ok(PoolLotteryResponse.From(record, window, time));
    }
}
