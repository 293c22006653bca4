using System.Net;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.DoctorsDay;

public sealed class DoctorsDayOpenApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Theory]
    [InlineData("/api/pools/{poolId}/day-list", "get", "404", "pool_not_found")]
    [InlineData("/api/pools/{poolId}/call-next", "post", "409", "nobody_waiting")]
    [InlineData("/api/pools/{poolId}/reservations/{reservationId}/check-in", "post", "409", "invalid_transition")]
    [InlineData("/api/pools/{poolId}/reservations/{reservationId}/complete", "post", "409", "invalid_transition")]
    [InlineData("/api/pools/{poolId}/reservations/{reservationId}/no-show", "post", "404", "reservation_not_found")]
    [InlineData("/api/doctors/{doctorId}/days/{date}", "get", "400", "validation_failed")]
    [InlineData("/api/admin/pools/{poolId}/stop-clinic", "post", "409", "pool_cancelled")]
    [InlineData("/api/admin/statistics/departments", "get", "400", "validation_failed")]
    [InlineData("/api/analytics/queue-estimate", "get", "422", "queue_unstable")]
    public async Task TheOpenApiDocumentListsTheRouteWithItsProblemCodes(string path, string method, string status, string code)
    {
        using var response = await client.GetAsync("/openapi/v1.json");
        var document = await response.ReadAsync(HttpStatusCode.OK);

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        var described = operation.GetProperty("responses").GetProperty(status).ToString();
        Assert.True(described.Contains(code, StringComparison.Ordinal), $"Expected {method} {path} {status} to name '{code}', got {described}");
    }
}
