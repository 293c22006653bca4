using System.Net;
using System.Net.Http.Json;

namespace OrleansBooking.Tests.Api;

/// <summary>A pool that draws over HTTP: created with its window, requests in the window answered 202 entered, bad windows refused.</summary>
public sealed class LotteryApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    /// <summary>A pool released at the fixture's start (08:00 in the hospital), drawing after <paramref name="windowMinutes"/>.</summary>
    private static Dictionary<string, object?> DrawingPoolBody(string poolId, object? windowMinutes)
    {
        var body = ApiCalls.PoolBody(poolId);
        body["releaseAt"] = "2026-11-30T08:00:00+08:00";
        body["lottery"] = new Dictionary<string, object?> { ["windowMinutes"] = windowMinutes };
        return body;
    }

    [Fact]
    public async Task APoolCreatedWithALotteryShowsItsAllocationAndTheWindowsEnd()
    {
        var pool = await client.CreatePoolAsync(DrawingPoolBody(ApiCalls.NewPoolId(), 10));

        Assert.Equal("lottery", pool.Str("allocation"));
        Assert.Equal("2026-11-30T08:10:00+08:00", pool.Str("lotteryClosesAt"));
        Assert.False(pool.TryGetProperty("lotterySeed", out _), "the seed is not shown before the draw");
    }

    [Fact]
    public async Task APoolWithoutALotteryIsFirstComeFirstServed()
    {
        var pool = await client.CreatePoolAsync(ApiCalls.PoolBody(ApiCalls.NewPoolId()));

        Assert.Equal("first_come", pool.Str("allocation"));
    }

    [Fact]
    public async Task ARequestInTheWindowAnswers202EnteredWithNoNumberAndAgainTheSameEntry()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(DrawingPoolBody(poolId, 10));

        using var first = await client.ReserveAsync(poolId, "lottery-patient-1");
        var entry = await first.ReadAsync(HttpStatusCode.Accepted);
        using var again = await client.ReserveAsync(poolId, "lottery-patient-1");
        var same = await again.ReadAsync(HttpStatusCode.Accepted);

        Assert.Equal("entered", entry.Str("status"));
        Assert.Equal("2026-11-30T08:10:00+08:00", entry.Str("drawAt"));
        Assert.False(entry.TryGetProperty("sequenceNumber", out _), "an entry has no number");
        Assert.Equal(entry.Str("enteredAt"), same.Str("enteredAt"));
        Assert.Equal(0, (await client.GetPoolAsync(poolId)).Int("booked"));
    }

    public static TheoryData<object?> InvalidWindows => new() { 0, 61, null, "10", 1.5m };

    [Theory]
    [MemberData(nameof(InvalidWindows))]
    public async Task APoolWithAWindowOutside1To60MinutesIsRefusedAndNotCreated(object? windowMinutes)
    {
        var poolId = ApiCalls.NewPoolId();

        using var response = await client.PostAsJsonAsync("/api/admin/pools", DrawingPoolBody(poolId, windowMinutes));
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Single(problem.ErrorFields(), field => field.StartsWith("lottery", StringComparison.Ordinal));
        using var lookup = await client.GetAsync($"/api/pools/{poolId}");
        await lookup.ReadProblemAsync(HttpStatusCode.NotFound, "pool_not_found");
    }

    private async Task<HttpResponseMessage> PatchAsync(string poolId, object body) =>
        await client.PatchAsJsonAsync($"/api/admin/pools/{poolId}", body);

    [Fact]
    public async Task AFirstComePoolPatchedBeforeItsReleaseDrawsAndPatchedBackIsFirstComeAgain()
    {
        var poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(poolId);
        body["releaseAt"] = "2026-11-30T09:00:00+08:00";
        await client.CreatePoolAsync(body);

        using var drawing = await PatchAsync(poolId, new { lottery = new { windowMinutes = 5 } });
        var pool = await drawing.ReadAsync(HttpStatusCode.OK);
        using var back = await PatchAsync(poolId, new { allocation = "first_come" });

        Assert.Equal(("lottery", "2026-11-30T09:05:00+08:00"), (pool.Str("allocation"), pool.Str("lotteryClosesAt")));
        Assert.Equal("first_come", (await back.ReadAsync(HttpStatusCode.OK)).Str("allocation"));
    }

    [Fact]
    public async Task AReleasedPoolCannotBePatchedToDrawAndStaysFirstCome()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));

        using var refused = await PatchAsync(poolId, new { allocation = "lottery", lottery = new { windowMinutes = 5 } });

        await refused.ReadProblemAsync(HttpStatusCode.Conflict, "release_passed");
        Assert.Equal("first_come", (await client.GetPoolAsync(poolId)).Str("allocation"));
    }

    [Fact]
    public async Task APatchAskingForFirstComeWithAWindowOrForADrawWithoutOneIsRefused()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));

        using var both = await PatchAsync(poolId, new { allocation = "first_come", lottery = new { windowMinutes = 5 } });
        using var noWindow = await PatchAsync(poolId, new { allocation = "lottery" });
        using var unknown = await PatchAsync(poolId, new { allocation = "raffle" });

        Assert.Equal(["lottery"], (await both.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        Assert.Equal(["lottery.windowMinutes"], (await noWindow.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        Assert.Equal(["allocation"], (await unknown.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
    }
}
