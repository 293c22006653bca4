using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.Rush;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Rush;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Apis;

/// <summary>The live rush board: what the hospital's staff watch at 08:00.</summary>
public static class RushAdminApi
{
    public static IEndpointRouteBuilder MapRushAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/admin/rush").WithTags("Admin").AddEndpointFilter<GrainFaultFilter>().RequireAuthorization(AccessPolicies.Admin)
            .MapGet("", GetRushBoard)
            .WithName(nameof(GetRushBoard))
            .WithSummary("The live rush board")
            .WithDescription("Every pool with reservation attempts on this silo in the last minute, busiest first: its snapshot, "
                + "attemptsPerSecond (the last whole second) and the outcomes of the last minute. Counted in memory as "
                + "answers go out; meant to be asked once a second.")
            .ProducesRetryLater();
        return app;
    }

    public static async Task<Ok<RushBoardResponse>> GetRushBoard(
        HttpResponse response, ReservationAttempts attempts, ISlotPoolGrainFactory pools, HospitalTime time)
    {
        response.Headers.CacheControl = "no-store";
        var recent = attempts.Recent();
        // One committed-snapshot read per busy pool, side by side; a grain answers it without waiting for writes.
        var snapshots = await Task.WhenAll(recent.Select(r => pools.GetSlotPool(r.PoolId).GetSnapshotAsync()));
        var board = recent.Zip(snapshots)
            .Where(pair => pair.Second is not null)
            .Select(pair => new RushPoolResponse(PoolResponse.From(pair.Second!, time), pair.First.LastSecond, OutcomesOf(pair.First)))
            .OrderByDescending(p => p.LastMinute.Attempts)
            .ThenBy(p => p.Pool.PoolId, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new RushBoardResponse(time.ToLocal(time.Now), board));
    }

    private static RushOutcomesResponse OutcomesOf(PoolAttemptsSnapshot counted) => new(
        counted.LastMinuteByOutcome.Sum(),
        counted.Count(RushOutcome.Booked),
        counted.Count(RushOutcome.SoldOut),
        counted.Count(RushOutcome.NotReleased),
        counted.Count(RushOutcome.Refused),
        counted.Count(RushOutcome.Failed));
}
