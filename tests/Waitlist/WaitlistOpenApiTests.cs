using System.Net;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Waitlist;

public sealed class WaitlistOpenApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    [Theory]
    [InlineData("post", "/api/pools/{poolId}/waitlist", "numbers_available")]
    [InlineData("get", "/api/pools/{poolId}/waitlist/{patientId}", "not_on_waitlist")]
    [InlineData("delete", "/api/pools/{poolId}/waitlist/{patientId}", "not_on_waitlist")]
    [InlineData("post", "/api/pools/{poolId}/waitlist/{patientId}/accept", "offer_expired")]
    [InlineData("post", "/api/pools/{poolId}/waitlist/{patientId}/decline", "offer_not_found")]
    public async Task TheOpenApiDocumentListsEachWaitlistRouteWithItsCodes(string method, string path, string code)
    {
        using var client = factory.CreateClient();
        var document = await (await client.GetAsync("/openapi/v1.json")).ReadAsync(HttpStatusCode.OK);

        var operation = default(System.Text.Json.JsonElement);
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method, out operation),
            $"{method.ToUpperInvariant()} {path} is missing from the OpenAPI document.");
        Assert.Contains(code, operation.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("503", operation.GetProperty("responses").EnumerateObject().Select(r => r.Name));
    }
}
