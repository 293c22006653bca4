using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OrleansBooking.Grains.GroupCommit;
using OrleansBooking.Silo.Hosting.Observability;

namespace OrleansBooking.Tests.Api;

/// <summary>/metrics (Prometheus, public to the silos' network) and /dashboard (Orleans Dashboard, admins only, unless turned off).</summary>
public sealed partial class ObservabilityTests(BookingApiFactory factory) : IClassFixture<BookingApiFactory>
{
    [Fact]
    public async Task MetricsShowOrleansMetersAndOursAfterAReservation()
    {
        // Read without a token, as a scraper does; anything but a 2xx throws here.
        var text = await MetricsAfterABookingAsync("p-metrics");

        Assert.Contains("orleansbooking_reservations_decided_total{", text, StringComparison.Ordinal);
        Assert.Contains("outcome=\"reserved\"", text, StringComparison.Ordinal);
        Assert.Contains("orleansbooking_commit_batch_size", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        // The booking's confirmation is a message: delivery's meter is exported too.
        Assert.Contains("booking_notifications_failures_in_a_row", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The write time is in seconds, so its buckets must be too: with the SDK's defaults (made for
    /// milliseconds) every write of a healthy database fell in "≤ 5 s".
    /// </summary>
    [Fact]
    public async Task WriteTimesAreCountedInBucketsOfSeconds()
    {
        var text = await MetricsAfterABookingAsync("p-commit-time");

        var bounds = CommitDurationBucket().Matches(text)
            .Select(m => m.Groups["le"].Value)
            .Where(le => le != "+Inf")
            .Select(le => double.Parse(le, CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(GroupCommitMetrics.DurationBuckets, bounds);
        var writes = long.Parse(CommitDurationCount().Match(text).Groups["count"].Value, CultureInfo.InvariantCulture);
        Assert.True(writes >= 2, "the pool's creation and the booking were each a write");
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

    /// <summary>
    /// A silo told to leave the dashboard off serves no /dashboard and runs none of its machinery
    /// (its profiling filter wraps every grain call of a silo that runs it); /metrics stays.
    /// </summary>
    [Fact]
    public async Task ADashboardLeftOffIsNeitherServedNorRun()
    {
        await using var withoutDashboard = new BookingApiFactory().With($"{DashboardSettings.SectionName}:{nameof(DashboardSettings.Enabled)}", "false");
        using var admin = withoutDashboard.CreateClient();
        using var anonymous = withoutDashboard.CreateAnonymousClient();

        using var dashboard = await admin.GetAsync("/dashboard/");
        using var metrics = await anonymous.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.NotEmpty(DashboardCallFilters(factory.Services));
        Assert.Empty(DashboardCallFilters(withoutDashboard.Services));
    }

    private static IEnumerable<IIncomingGrainCallFilter> DashboardCallFilters(IServiceProvider services) =>
        services.GetServices<IIncomingGrainCallFilter>().Where(filter => filter.GetType().Assembly.GetName().Name == "Orleans.Dashboard");

    private async Task<string> MetricsAfterABookingAsync(string patientId)
    {
        using var admin = factory.CreateClient();
        var poolId = ApiCalls.NewPoolId();
        await admin.CreatePoolAsync(ApiCalls.PoolBody(poolId));
        await admin.ReserveOkAsync(poolId, patientId);
        using var anonymous = factory.CreateAnonymousClient();
        return await anonymous.GetStringAsync("/metrics");
    }

    [GeneratedRegex("""^orleansbooking_commit_duration_seconds_bucket\{[^}]*le="(?<le>[^"]+)"\}""", RegexOptions.Multiline)]
    private static partial Regex CommitDurationBucket();

    [GeneratedRegex("""^orleansbooking_commit_duration_seconds_count\{[^}]*\} (?<count>\d+)""", RegexOptions.Multiline)]
    private static partial Regex CommitDurationCount();
}
