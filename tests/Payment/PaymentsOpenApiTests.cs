using System.Net;
using OrleansBooking.Tests.Api;

namespace OrleansBooking.Tests.Payment;

public sealed class PaymentsOpenApiTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Theory]
    [InlineData("/api/reservations/{reservationId}/payment", "post", "503", "payment_provider_unavailable")]
    [InlineData("/api/reservations/{reservationId}/payment", "post", "409", "not_payable")]
    [InlineData("/api/payments/callbacks/sandbox", "post", "401", "callback_signature_invalid")]
    [InlineData("/api/payments/callbacks/sandbox", "post", "401", "callback_stale")]
    [InlineData("/api/payments/callbacks/sandbox", "post", "404", "payment_not_found")]
    [InlineData("/api/sandbox-pay/{providerPaymentId}/pay", "post", "404", "sandbox_payment_not_found")]
    [InlineData("/api/admin/payments/reconciliation", "get", "400", "validation_failed")]
    public async Task TheOpenApiDocumentListsTheRouteWithItsProblemCodes(string path, string method, string status, string code)
    {
        using var response = await client.GetAsync("/openapi/v1.json");
        var document = await response.ReadAsync(HttpStatusCode.OK);

        var described = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status).ToString();
        Assert.True(described.Contains(code, StringComparison.Ordinal), $"Expected {method} {path} {status} to name '{code}', got {described}");
    }
}
