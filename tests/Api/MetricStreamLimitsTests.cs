using System.Diagnostics.Metrics;
using OrleansBooking.Silo.Hosting.Observability;

namespace OrleansBooking.Tests.Api;

/// <summary>
/// Each metric stream's reserved points: bounded where the tags come from a closed set, the SDK's
/// default where they do not; and no stream the silo shows after real traffic has overflowed.
/// </summary>
public sealed class MetricStreamLimitsTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    [Theory]
    [InlineData("Microsoft.AspNetCore.Hosting", "http.server.request.duration", true)]
    [InlineData("Microsoft.AspNetCore.Server.Kestrel", "kestrel.connection.duration", true)]
    [InlineData("Microsoft.Orleans", "orleans-messaging-pings-sent", true)]
    [InlineData("Microsoft.Orleans", "orleans-messaging-received-messages-size", true)]
    [InlineData("System.Runtime", "dotnet.exceptions", true)]
    [InlineData("Microsoft.Orleans", "orleans-grains", false)]
    [InlineData("Microsoft.Orleans", "orleans-catalog-activations", false)]
    [InlineData("System.Runtime", "dotnet.gc.collections", false)]
    [InlineData("OrleansBooking", "orleansbooking.reservations.decided", false)]
    public void OnlyOpenTagSetsKeepTheDefaultLimit(string meterName, string instrumentName, bool open)
    {
        using var meter = new Meter(meterName);
        var instrument = meter.CreateCounter<long>(instrumentName);

        var configuration = MetricStreamLimits.For(instrument);

        if (open) Assert.Null(configuration);
        else Assert.Equal(MetricStreamLimits.ClosedSetLimit, configuration?.CardinalityLimit);
    }

    [Fact]
    public async Task NoStreamOverflowsAfterBookingsAndRefusals()
    {
        using var admin = factory.CreateClient();
        var poolId = ApiCalls.NewPoolId();
        await admin.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        await admin.ReserveOkAsync(poolId, "p-limits-1");
        await admin.ReserveOkAsync(poolId, "p-limits-2");
        using var missing = await admin.GetAsync("/api/pools/" + ApiCalls.NewPoolId());
        using var anonymous = factory.CreateAnonymousClient();

        var text = await anonymous.GetStringAsync("/metrics");

        // Several grain types were activated, so a limit smaller than what they need would show here.
        Assert.Contains("orleans_catalog_activations{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("otel_metric_overflow", text, StringComparison.Ordinal);
    }
}
