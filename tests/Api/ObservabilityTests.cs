using System.Net;

namespace OrleansBooking.Tests.Api;

/// <summary>/metrics (Prometheus, public to the silos' network) and /dashboard (Orleans Dashboard, admins only).</summary>
public sealed class ObservabilityTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    [Fact]
    public async Task MetricsShowOrleansMetersAndOursAfterAReservation()
    {
        using var admin = factory.CreateClient();
        var poolId = ApiCalls.NewPoolId();
        await admin.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        await admin.ReserveOkAsync(poolId, "p-metrics");
        using var anonymous = factory.CreateAnonymousClient();

        using var response = await anonymous.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("orleansbooking_reservations_decided_total{", text, StringComparison.Ordinal);
        Assert.Contains("outcome=\"reserved\"", text, StringComparison.Ordinal);
        Assert.Contains("orleansbooking_commit_batch_size", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboardIsForAdminsOnly()
    {
        using var anonymous = factory.CreateAnonymousClient();
        using var patient = factory.CreateClientAs(TestIdentity.Patient("acct-dashboard"));
        using var admin = factory.CreateClient();

        using var refused = await anonymous.GetAsync("/dashboard/");
        using var forbidden = await patient.GetAsync("/dashboard/");
        using var shown = await admin.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("<html", await shown.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
