using System.Net;
using System.Net.Http.Headers;

namespace OrleansBooking.Tests.Api;

public sealed class PoolsApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task GetPoolReturnsTheSnapshotWithAnETag()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        await client.ReserveOkAsync(poolId, "patient-1");

        using var response = await client.GetAsync($"/api/pools/{poolId}");
        var pool = await response.ReadAsync(HttpStatusCode.OK);

        Assert.Equal((poolId, 30, 1, 29, "open"), (pool.Str("poolId"), pool.Int("quota"), pool.Int("booked"), pool.Int("remaining"), pool.Str("status")));
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.True(response.Headers.CacheControl?.NoCache, "Expected Cache-Control: no-cache");
    }

    [Fact]
    public async Task AMatchingIfNoneMatchAnswers304WithoutABody()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        using var first = await client.GetAsync($"/api/pools/{poolId}");
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/pools/{poolId}");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal("", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheETagChangesWhenANumberIsTaken()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        using var before = await client.GetAsync($"/api/pools/{poolId}");
        await client.ReserveOkAsync(poolId, "patient-1");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/pools/{poolId}");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(request);

        var pool = await after.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(1, pool.Int("booked"));
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task AnUnrelatedIfNoneMatchGetsTheFullPool()
    {
        var poolId = ApiCalls.NewPoolId();
        await client.CreatePoolAsync(ApiCalls.PoolBody(poolId));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/pools/{poolId}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var response = await client.SendAsync(request);

        Assert.Equal(poolId, (await response.ReadAsync(HttpStatusCode.OK)).Str("poolId"));
    }

    [Fact]
    public async Task GetAnUnknownPoolAnswers404PoolNotFound()
    {
        var poolId = ApiCalls.NewPoolId();
        using var response = await client.GetAsync($"/api/pools/{poolId}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound, "pool_not_found");
        Assert.Equal(poolId, problem.Str("poolId"));
    }

    [Theory]
    [InlineData("pool%20one")]
    [InlineData("p%C3%A9")]
    public async Task GetAPoolWithAMalformedIdAnswers400(string poolId)
    {
        using var response = await client.GetAsync($"/api/pools/{poolId}");
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["poolId"], problem.ErrorFields());
    }

    [Fact]
    public async Task GetAPoolWithAnOverlongIdAnswers400()
    {
        using var response = await client.GetAsync($"/api/pools/{new string('p', 65)}");
        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
