using System.Net;
using System.Net.Http.Json;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Catalogue;

/// <summary>A pool's department travels through POST /api/admin/pools, storage and GET /api/pools on both engines.</summary>
public sealed class PoolDepartmentApiTests
{
    [Theory]
    [InlineData("actor")]
    [InlineData("conventional")]
    public async Task APoolKeepsTheDepartmentItWasOpenedWith(string engine)
    {
        await using var factory = new BookingApiFactory().With("Booking:Engine", engine);
        using var client = factory.CreateClient();
        // Load-test mode takes a doctor the catalogue does not know, but only in a department it does.
        await client.CreateDepartmentAsync("cardiology");
        var body = ApiCalls.PoolBody(ApiCalls.NewPoolId());
        body["departmentId"] = "cardiology";

        var created = await client.CreatePoolAsync(body);
        var read = await client.GetPoolAsync(created.Str("poolId"));

        Assert.Equal(("cardiology", "cardiology"), (created.Str("departmentId"), read.Str("departmentId")));
    }

    [Fact]
    public async Task APoolWithoutADepartmentAnswersNull()
    {
        await using var factory = new BookingApiFactory();
        using var client = factory.CreateClient();

        var created = await client.CreatePoolAsync(ApiCalls.PoolBody(ApiCalls.NewPoolId()));

        Assert.Equal(System.Text.Json.JsonValueKind.Null, created.GetProperty("departmentId").ValueKind);
    }

    [Fact]
    public async Task AMalformedDepartmentIdAnswers400AndOpensNoPool()
    {
        await using var factory = new BookingApiFactory();
        using var client = factory.CreateClient();
        var poolId = ApiCalls.NewPoolId();
        var body = ApiCalls.PoolBody(poolId);
        body["departmentId"] = "no spaces";

        using var response = await client.PostAsJsonAsync("/api/admin/pools", body);

        Assert.Equal(["departmentId"], (await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
        using var get = await client.GetAsync($"/api/pools/{poolId}");
        await get.ReadProblemAsync(HttpStatusCode.NotFound, "pool_not_found");
    }
}
