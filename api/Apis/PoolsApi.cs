using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBooking.Api.Accounts;
using Microsoft.Net.Http.Headers;
using OrleansBooking.Api.Contracts;
using OrleansBooking.Api.OpenApi;
using OrleansBooking.Api.Problems;
using OrleansBooking.Api.Validation;
using OrleansBooking.Grains.SlotPools;

namespace OrleansBooking.Api.Apis;

/// <summary>Reading a pool: the browse traffic before and during a release.</summary>
public static class PoolsApi
{
    public static IEndpointRouteBuilder MapPoolsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pools").WithTags("Pools").AddEndpointFilter<GrainFaultFilter>().AllowAnonymous();

        api.MapGet("/{poolId}", GetPool)
            .WithName(nameof(GetPool))
            .WithSummary("Get a pool")
            .WithDescription("The pool's committed state. Sends an ETag; a matching If-None-Match gets 304 without a body.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ProblemCodes.PoolNotFound)
            .ProducesRetryLater();

        return app;
    }

    public static async Task<Results<Ok<PoolResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetPool(
        string poolId, HttpRequest request, HttpResponse response, ISlotPoolGrainFactory pools, HospitalTime time)
    {
        var errors = new RequestErrors();
        FieldRules.CheckId(errors, "poolId", poolId);
        if (errors.Any) return BookingProblems.ValidationFailed(errors);

        if (await pools.GetSlotPool(poolId).GetSnapshotAsync() is not { } pool) return BookingProblems.PoolNotFound(poolId);

        var body = PoolResponse.From(pool, time);
        var etag = PoolETag(pool, body.Status);
        response.Headers.ETag = etag.ToString();
        // Browsers and apps may keep the pool but must ask again each time: the count changes every second.
        response.Headers.CacheControl = "no-cache";
        return Matches(request, etag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(body);
    }

    /// <summary>
    /// The committed version changes with every write; quota and booked are in it too so that any
    /// engine's snapshot gets a new tag when what a patient cares about changes, and the status
    /// because "scheduled" turns into "open" at the release instant without any write.
    /// </summary>
    public static EntityTagHeaderValue PoolETag(SlotPoolSnapshot pool, PoolStatus status) =>
        new($"\"{pool.Version}-{pool.Quota}-{pool.Booked}-{FieldRules.WireName(status)}\"");

    private static bool Matches(HttpRequest request, EntityTagHeaderValue current)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags)) return false;
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
