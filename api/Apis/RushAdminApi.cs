using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.Contracts.Rush;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Rush;
using OrleansBooking.Grains.Rush;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Apis;

/// <summary>The live rush board: what the hospital's staff watch at 08:00.</summary>
public static class RushAdminApi
{
    /// <summary>A pool is "opening now" from this long before its release instant until this long after it.</summary>
    public static readonly TimeSpan OpeningWindow = TimeSpan.FromHours(1);

    public static IEndpointRouteBuilder MapRushAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/admin/rush").WithTags("Admin").AddEndpointFilter<GrainFaultFilter>().RequireAuthorization(AccessPolicies.Admin)
            .MapGet("", GetRushBoard)
            .WithName(nameof(GetRushBoard))
            .WithSummary("The live rush board")
            .WithDescription("Every pool opening now (its release instant within an hour either side of now, read from the database, "
                + "so the same on every silo) and every other pool with reservation attempts anywhere in the cluster in the last "
                + "minute: busiest first, then by release instant. Each with its committed snapshot, attemptsPerSecond (the last "
                + "whole second) and the outcomes of the last minute, summed over every silo: each silo counts its answers in "
                + "memory and reports its whole seconds to the cluster's tally once a second, so the silo asked counts its own "
                + "live while another silo's last whole second may show a second late. A silo that stops reporting (stopped or lost) "
                + "drops out as its seconds leave the minute. Meant to be asked once a second.")
            .ProducesRetryLater();
        return app;
    }

    public static async Task<Ok<RushBoardResponse>> GetRushBoard(
        HttpResponse response, ClusterAttempts attempts, IReleasingPools releasing, ISlotPoolGrainFactory pools, HospitalTime time,
        CancellationToken cancellationToken)
    {
        response.Headers.CacheControl = "no-store";
        var now = time.Now;
        var recent = (await attempts.RecentAsync()).ToDictionary(r => r.PoolId, StringComparer.Ordinal);
        var opening = await releasing.ListAsync(now - OpeningWindow, now + OpeningWindow, cancellationToken);
        var shown = opening.Select(p => p.PoolId).ToHashSet(StringComparer.Ordinal);
        // A busy pool outside the window (moved, or opened long ago) is read from its grain's committed
        // snapshot, side by side; a grain answers it without waiting for writes.
        var elsewhere = await Task.WhenAll(recent.Keys.Where(id => !shown.Contains(id)).Select(id => pools.GetSlotPool(id).GetSnapshotAsync()));
        var board = opening.Concat(elsewhere.OfType<SlotPoolSnapshot>())
            .Select(pool => recent.TryGetValue(pool.PoolId, out var counted)
                ? new RushPoolResponse(PoolResponse.From(pool, time), counted.LastSecond, OutcomesOf(counted))
                : new RushPoolResponse(PoolResponse.From(pool, time), 0, NoAttempts))
            .OrderByDescending(p => p.LastMinute.Attempts)
            .ThenBy(p => p.Pool.ReleaseAt)
            .ThenBy(p => p.Pool.PoolId, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new RushBoardResponse(time.ToLocal(now), board));
    }

    private static readonly RushOutcomesResponse NoAttempts = new(0, 0, 0, 0, 0, 0);

    private static RushOutcomesResponse OutcomesOf(PoolAttemptsSnapshot counted) => new(
        counted.LastMinuteByOutcome.Sum(),
        counted.Count(RushOutcome.Booked),
        counted.Count(RushOutcome.SoldOut),
        counted.Count(RushOutcome.NotReleased),
        counted.Count(RushOutcome.Refused),
        counted.Count(RushOutcome.Failed));
}
